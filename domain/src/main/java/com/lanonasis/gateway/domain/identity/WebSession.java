package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.MachineSecret;
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

    /**
     * A stable name for this session that may be shown, e.g. to an app behind the ForwardAuth
     * endpoint: derived from the stored hash, so it neither signs anyone in nor finds the row.
     */
    public String publicId() {
        return "ws_" + new MachineSecret("web-session-public-id:" + idHash.hex()).hash().hex().substring(0, 32);
    }
}
