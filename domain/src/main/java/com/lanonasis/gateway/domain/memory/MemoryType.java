package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum MemoryType {
    CONTEXT, PROJECT, KNOWLEDGE, REFERENCE, PERSONAL, WORKFLOW;

    public static final MemoryType DEFAULT = CONTEXT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemoryType parse(String field, String text) {
        for (MemoryType type : values()) {
            if (type.wireName().equals(text)) {
                return type;
            }
        }
        throw new InvalidValue(field, "must be one of " + Arrays.stream(values())
                .map(MemoryType::wireName).collect(Collectors.joining(", ")));
    }
}
