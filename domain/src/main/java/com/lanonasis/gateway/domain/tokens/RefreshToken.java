package com.lanonasis.gateway.domain.tokens;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A refresh token, stored by hash. Each use rotates it: the old one is marked rotated, and
 * presenting a rotated token again revokes its whole family (the grant it descends from).
 *
 * @param rotatedAt null while current
 * @param revokedAt null while not revoked
 */
public record RefreshToken(SecretHash hash, String familyId, String clientId, UserId userId, Scopes scopes,
                           List<String> resources, Instant issuedAt, Instant expiresAt, Instant rotatedAt,
                           Instant revokedAt) {

    public RefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        resources = List.copyOf(resources);
    }

    public boolean usableAt(Instant now) {
        return rotatedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
