package com.lanonasis.gateway.domain.tokens;

import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/** What a user token (the platform's "legacy JWT", from password login) asserts. */
public record UserTokenClaims(String tokenId, UserId subject, String email, Role role, Scopes scopes,
                              Instant issuedAt, Instant expiresAt) {

    public UserTokenClaims {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
