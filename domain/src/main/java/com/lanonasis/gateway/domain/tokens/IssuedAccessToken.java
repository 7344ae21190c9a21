package com.lanonasis.gateway.domain.tokens;

import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * The server's record of an access token, whatever its format: what makes it revocable and
 * introspectable.
 *
 * @param userId     null for client_credentials tokens
 * @param opaqueHash the hash of an opaque token's value; null for JWTs (found by jti)
 * @param familyId   the grant it descends from; revoking the family revokes it
 */
public record IssuedAccessToken(AccessTokenClaims claims, UserId userId, SecretHash opaqueHash, String familyId,
                                Instant revokedAt) {

    public IssuedAccessToken {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(familyId, "familyId");
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && !claims.expiredAt(now);
    }
}
