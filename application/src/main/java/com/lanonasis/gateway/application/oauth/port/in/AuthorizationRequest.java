package com.lanonasis.gateway.application.oauth.port.in;

import java.util.List;

/** The parameters of an authorization request, as received (any may be null). */
public record AuthorizationRequest(String clientId, String redirectUri, String responseType, String scope,
                                   String state, String codeChallenge, String codeChallengeMethod,
                                   List<String> resources) {

    public AuthorizationRequest {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
