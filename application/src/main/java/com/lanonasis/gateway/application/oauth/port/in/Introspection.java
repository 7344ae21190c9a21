package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.RefreshToken;

/** RFC 7662: what an introspected token is, if active. */
public sealed interface Introspection {

    record Inactive() implements Introspection {
    }

    /** @param username the user's email, null for client tokens */
    record ActiveAccessToken(AccessTokenClaims claims, String username) implements Introspection {
    }

    record ActiveRefreshToken(RefreshToken token, String username) implements Introspection {
    }
}
