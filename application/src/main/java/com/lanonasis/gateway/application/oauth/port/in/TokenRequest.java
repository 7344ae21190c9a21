package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.shared.Secret;
import java.util.List;

/** The parameters of a token request, as received (any may be null). */
public record TokenRequest(String grantType, String code, String redirectUri, String codeVerifier,
                           String refreshToken, String scope, List<String> resources, String deviceCode) {

    public TokenRequest {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    @Override
    public String toString() {
        return Secret.redacted("TokenRequest[grantType=" + grantType + "]");
    }
}
