package com.lanonasis.gateway.application.auth.port.in;

import com.lanonasis.gateway.domain.shared.Secret;
import java.util.function.Function;

/**
 * A credential as presented, not yet verified. Reading one from a request is the inbound adapters' business
 * (adapters-http {@code shared.Credentials}).
 */
public sealed interface Credential extends Secret {

    /** One answer per kind of credential; a new kind fails to compile until every caller handles it. */
    <R> R match(Function<BearerToken, R> bearer, Function<ApiKey, R> apiKey, Function<SessionCookie, R> session);

    /** {@code Authorization: Bearer <token>}. */
    record BearerToken(String token) implements Credential {
        @Override
        public <R> R match(Function<BearerToken, R> bearer,
                Function<ApiKey, R> apiKey, Function<SessionCookie, R> session) {
            return bearer.apply(this);
        }

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
        public <R> R match(Function<BearerToken, R> bearer,
                Function<ApiKey, R> apiKey, Function<SessionCookie, R> session) {
            return apiKey.apply(this);
        }

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
        public <R> R match(Function<BearerToken, R> bearer,
                Function<ApiKey, R> apiKey, Function<SessionCookie, R> session) {
            return session.apply(this);
        }

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
