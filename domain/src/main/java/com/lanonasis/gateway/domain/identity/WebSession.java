package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/** A browser session, stored by the hash of its cookie value. */
public record WebSession(SecretHash idHash, UserId userId, Instant createdAt, Instant expiresAt) {

    public WebSession {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
