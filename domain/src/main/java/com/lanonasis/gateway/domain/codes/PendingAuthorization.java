package com.lanonasis.gateway.domain.codes;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A validated authorization request waiting for the user's consent.
 *
 * @param state may be null
 */
public record PendingAuthorization(String id, UserId userId, String clientId, String redirectUri, Scopes scopes,
                                   String state, String codeChallenge, List<String> resources, Instant expiresAt) {

    public PendingAuthorization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(expiresAt, "expiresAt");
        resources = List.copyOf(resources);
    }
}
