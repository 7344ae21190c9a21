package com.lanonasis.gateway.domain.clients.port.out;

import com.lanonasis.gateway.domain.clients.Consent;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;

/** Outgoing port: which scopes a user has already granted a client. */
public interface Consents {

    boolean covers(UserId user, String clientId, Scopes requested);

    void grant(UserId user, String clientId, Scopes scopes);

    /** The user's remembered consents, most recent first. */
    List<Consent> of(UserId user);

    /** Forgets the user's consent to the client (the next authorization asks again); false when there was none. */
    boolean withdraw(UserId user, String clientId);
}
