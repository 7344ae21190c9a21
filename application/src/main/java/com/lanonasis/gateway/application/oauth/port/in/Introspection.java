package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import java.util.function.Function;

/** RFC 7662: what an introspected token is, if active. */
public sealed interface Introspection {

    /** One answer per state; a new state fails to compile until every caller handles it. */
    <R> R match(Function<Inactive, R> inactive,
            Function<ActiveAccessToken, R> accessToken, Function<ActiveRefreshToken, R> refreshToken);

    record Inactive() implements Introspection {
        @Override
        public <R> R match(Function<Inactive, R> inactive,
                Function<ActiveAccessToken, R> accessToken, Function<ActiveRefreshToken, R> refreshToken) {
            return inactive.apply(this);
        }
    }

    /** @param username the user's email, null for client tokens */
    record ActiveAccessToken(AccessTokenClaims claims, String username) implements Introspection {
        @Override
        public <R> R match(Function<Inactive, R> inactive,
                Function<ActiveAccessToken, R> accessToken, Function<ActiveRefreshToken, R> refreshToken) {
            return accessToken.apply(this);
        }
    }

    record ActiveRefreshToken(RefreshToken token, String username) implements Introspection {
        @Override
        public <R> R match(Function<Inactive, R> inactive,
                Function<ActiveAccessToken, R> accessToken, Function<ActiveRefreshToken, R> refreshToken) {
            return refreshToken.apply(this);
        }
    }
}
