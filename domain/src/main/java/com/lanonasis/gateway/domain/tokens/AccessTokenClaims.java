package com.lanonasis.gateway.domain.tokens;

import com.lanonasis.gateway.domain.shared.Scopes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an OAuth access token asserts (RFC 9068).
 *
 * @param subject  the user id, or the client id for client_credentials
 * @param audience the resources the token is for (RFC 8707), compared as full URIs
 */
public record AccessTokenClaims(String tokenId, String subject, String clientId, List<String> audience,
                                Scopes scopes, Instant issuedAt, Instant expiresAt) {

    public AccessTokenClaims {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        audience = List.copyOf(audience);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
