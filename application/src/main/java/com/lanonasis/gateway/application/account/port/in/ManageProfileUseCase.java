package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface ManageProfileUseCase {

    Outcome<User> profile(Principal caller);

    /** Sets the display name (blank clears it); {@code Invalid} for a name too long or with control characters. */
    Outcome<User> rename(Principal caller, String name);
}
