package com.lanonasis.gateway.domain.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a user has granted a client and that still lets it in: one token family (an authorization
 * and the refresh and access tokens descended from it).
 *
 * @param expiresAt the latest expiry among the family's live tokens
 */
public record Grant(String familyId, String clientId, List<String> scopes, Instant issuedAt, Instant expiresAt) {

    public Grant {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
    }
}
