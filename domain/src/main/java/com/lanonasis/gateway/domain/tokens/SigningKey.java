package com.lanonasis.gateway.domain.tokens;

import com.lanonasis.gateway.domain.shared.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * A key pair the service signs tokens with, kept in the store so tokens outlive restarts.
 *
 * @param privateJwk the key pair as a JSON Web Key
 * @param retiredAt  null while the key still signs; retired keys only verify
 */
public record SigningKey(String kid, String algorithm, PrivateJwk privateJwk, Instant createdAt, Instant retiredAt) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(privateJwk, "privateJwk");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean signs() {
        return retiredAt == null;
    }

    /** Private key material; redacted when printed. */
    public static final class PrivateJwk implements Secret {

        private final String json;

        public PrivateJwk(String json) {
            this.json = Objects.requireNonNull(json, "json");
        }

        @Override
        public String reveal() {
            return json;
        }

        @Override
        public String toString() {
            return Secret.redacted("PrivateJwk");
        }
    }
}
