package com.lanonasis.gateway.domain.clients;

import com.lanonasis.gateway.domain.shared.InvalidValue;

public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    REFRESH_TOKEN("refresh_token"),
    CLIENT_CREDENTIALS("client_credentials"),
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code");

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static GrantType parse(String text) {
        for (GrantType grant : values()) {
            if (grant.wireName.equals(text)) {
                return grant;
            }
        }
        throw new InvalidValue("grant_types", "unsupported grant type: " + text);
    }
}
