package com.lanonasis.gateway.domain.clients;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;

/** Outgoing port: which scopes a user has already granted a client. */
public interface Consents {

    boolean covers(UserId user, String clientId, Scopes requested);

    void grant(UserId user, String clientId, Scopes scopes);
}
