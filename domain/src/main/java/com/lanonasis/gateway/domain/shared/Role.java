package com.lanonasis.gateway.domain.shared;

import java.util.Locale;

public enum Role {
    USER, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
