package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;

public enum MemorySort {
    CREATED_AT("created_at"), UPDATED_AT("updated_at"), LAST_ACCESSED("last_accessed"), TITLE("title");

    private final String wireName;

    MemorySort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MemorySort parse(String text) {
        for (MemorySort sort : values()) {
            if (sort.wireName.equals(text)) {
                return sort;
            }
        }
        throw new InvalidValue("sort", "must be one of created_at, updated_at, last_accessed, title");
    }
}
