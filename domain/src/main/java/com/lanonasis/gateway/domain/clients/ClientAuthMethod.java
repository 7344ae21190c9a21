package com.lanonasis.gateway.domain.clients;

import com.lanonasis.gateway.domain.shared.InvalidValue;

/** How a client proves itself at the token endpoint (RFC 7591 token_endpoint_auth_method). */
public enum ClientAuthMethod {
    NONE("none"), CLIENT_SECRET_BASIC("client_secret_basic"), CLIENT_SECRET_POST("client_secret_post");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isPublic() {
        return this == NONE;
    }

    public static ClientAuthMethod parse(String text) {
        for (ClientAuthMethod method : values()) {
            if (method.wireName.equals(text)) {
                return method;
            }
        }
        throw new InvalidValue("token_endpoint_auth_method", "must be none, client_secret_basic or client_secret_post");
    }
}
