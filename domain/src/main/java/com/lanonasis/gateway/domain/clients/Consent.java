package com.lanonasis.gateway.domain.clients;

import com.lanonasis.gateway.domain.shared.Scopes;
import java.time.Instant;
import java.util.Objects;

/** What a user has allowed a client: every scope granted so far, and when last. */
public record Consent(String clientId, Scopes scopes, Instant grantedAt) {

    public Consent {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }
}
