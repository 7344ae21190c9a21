package com.lanonasis.gateway.application.auth.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

/** A credential as presented, not yet verified. */
public sealed interface Credential extends Secret {

    /** {@code Authorization: Bearer <token>}. */
    record BearerToken(String token) implements Credential {
        @Override
        public String reveal() {
            return token;
        }

        @Override
        public String toString() {
            return Secret.redacted("BearerToken");
        }
    }

    /** {@code X-API-Key: pk_<id>.sk_<secret>}. */
    record ApiKey(String key) implements Credential {
        @Override
        public String reveal() {
            return key;
        }

        @Override
        public String toString() {
            return Secret.redacted("ApiKey");
        }
    }

    /** The browser session cookie of the login, consent and device pages. */
    record SessionCookie(String sessionId) implements Credential {
        @Override
        public String reveal() {
            return sessionId;
        }

        @Override
        public String toString() {
            return Secret.redacted("SessionCookie");
        }
    }
}
