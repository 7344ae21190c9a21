package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.Secret;

/** @param refreshToken null when none is issued */
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, Scopes scopes) {

    @Override
    public String toString() {
        return Secret.redacted("TokenResponse[scope=" + scopes.spaceDelimited() + "]");
    }
}
