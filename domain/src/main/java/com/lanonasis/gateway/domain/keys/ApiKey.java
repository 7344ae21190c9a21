package com.lanonasis.gateway.domain.keys;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored API key: everything but its secret, of which only the hash is kept.
 *
 * @param expiresAt  null when the key does not expire
 * @param lastUsedAt null until first use
 * @param revokedAt  null while the key is live
 * @param previousSecretHash  the secret's hash before the last rotation, accepted until {@code previousSecretUntil}; null when none
 * @param previousSecretUntil end of the rotation's grace period; null when none
 */
public record ApiKey(ApiKeyId id, UserId owner, String name, Scopes scopes, SecretHash secretHash,
                     Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt,
                     SecretHash previousSecretHash, Instant previousSecretUntil) {

    public static final int MAX_NAME_LENGTH = 100;
    /** last_used_at is advisory; writing it at most once a minute keeps the hot path read-only. */
    public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        name = validName(name);
        if (previousSecretHash == null || previousSecretUntil == null) {
            previousSecretHash = null;
            previousSecretUntil = null;
        }
    }

    /** A key that was never rotated. */
    public ApiKey(ApiKeyId id, UserId owner, String name, Scopes scopes, SecretHash secretHash,
                  Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        this(id, owner, name, scopes, secretHash, createdAt, expiresAt, lastUsedAt, revokedAt, null, null);
    }

    /** The current secret, or the one before the last rotation while its grace period lasts. */
    public boolean acceptsSecret(ApiKeySecret secret, Instant now) {
        return secretHash.matches(secret) || previousSecretHash != null && now.isBefore(previousSecretUntil)
                && previousSecretHash.matches(secret);
    }

    public static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValue("name", "name is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidValue("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean useWorthRecordingAt(Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(USE_RECORDING_INTERVAL));
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }
}
