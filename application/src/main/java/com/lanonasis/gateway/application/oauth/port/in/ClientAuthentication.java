package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

/**
 * How a client presented itself at the token, revocation or introspection endpoint.
 *
 * @param secret null when no secret was sent (a public client)
 */
public record ClientAuthentication(String clientId, String secret, Method method) {

    public enum Method { BASIC, POST, NONE }

    public static ClientAuthentication missing() {
        return new ClientAuthentication(null, null, Method.NONE);
    }

    @Override
    public String toString() {
        return Secret.redacted("ClientAuthentication[clientId=" + clientId + ", method=" + method + "]");
    }
}
