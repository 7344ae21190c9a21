package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A browser session, stored by the hash of its cookie value, with what its owner needs to
 * recognise it in a list: when it began and was last used, from which browser and address.
 *
 * @param lastSeenAt    when the session was last used (advisory: recorded at most once per {@link #SEEN_RECORDING_INTERVAL})
 * @param userAgent     the browser's {@code User-Agent} at sign-in, cut to {@link #MAX_USER_AGENT_LENGTH}; empty when none
 * @param clientAddress the client address at sign-in (trusted-proxy aware); {@code unknown} when none
 */
public record WebSession(SecretHash idHash, UserId userId, Instant createdAt, Instant expiresAt, Instant lastSeenAt,
                         String userAgent, String clientAddress) {

    public static final int MAX_USER_AGENT_LENGTH = 300;
    /** last-seen is advisory; writing it at most once a minute keeps most page views read-only. */
    public static final Duration SEEN_RECORDING_INTERVAL = Duration.ofMinutes(1);

    public WebSession {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        lastSeenAt = lastSeenAt == null ? createdAt : lastSeenAt;
        userAgent = userAgent == null ? "" : userAgent.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .limit(MAX_USER_AGENT_LENGTH).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString().strip();
        clientAddress = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
    }

    /** A session without browser details (tests, older stored records). */
    public WebSession(SecretHash idHash, UserId userId, Instant createdAt, Instant expiresAt) {
        this(idHash, userId, createdAt, expiresAt, createdAt, null, null);
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public boolean seenWorthRecordingAt(Instant now) {
        return !now.isBefore(lastSeenAt.plus(SEEN_RECORDING_INTERVAL));
    }

    public WebSession seenAt(Instant at) {
        return new WebSession(idHash, userId, createdAt, expiresAt, at, userAgent, clientAddress);
    }

    /**
     * A stable name for this session that may be shown, e.g. to an app behind the ForwardAuth
     * endpoint or in the owner's list of sessions: derived from the stored hash, so it neither
     * signs anyone in nor finds the row by itself.
     */
    public String publicId() {
        return "ws_" + new MachineSecret("web-session-public-id:" + idHash.hex()).hash().hex().substring(0, 32);
    }
}
