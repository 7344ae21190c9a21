package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

public interface ConnectedAppsUseCase {

    Outcome<List<ConnectedApp>> apps(Principal caller);

    /**
     * Withdraws the consent to the client and revokes every token it holds for the caller, at
     * once; the number of grants revoked. {@code NotFound} when the client has neither.
     */
    Outcome<Integer> withdraw(Principal caller, String clientId);
}
