package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;

public enum SortOrder {
    ASC, DESC;

    public static SortOrder parse(String text) {
        if ("asc".equals(text)) {
            return ASC;
        }
        if ("desc".equals(text)) {
            return DESC;
        }
        throw new InvalidValue("order", "must be asc or desc");
    }
}
