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
 * @param tokenHash  SHA-256 of the token as handed out (JWT or opaque): finding a token by it is
 *                   proof that we issued exactly this token, without a signature check
 * @param familyId   the grant it descends from; revoking the family revokes it
 */
public record IssuedAccessToken(AccessTokenClaims claims, UserId userId, SecretHash tokenHash, String familyId,
                                Instant revokedAt) {

    public IssuedAccessToken {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && !claims.expiredAt(now);
    }
}
