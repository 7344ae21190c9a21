package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

public record MemoryId(UUID value) {

    public MemoryId {
        Objects.requireNonNull(value, "value");
    }

    public static MemoryId parse(String field, String text) {
        try {
            if (text != null && text.length() == 36) {
                return new MemoryId(UUID.fromString(text));
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the field error
        }
        throw new InvalidValue(field, "not a memory id (a UUID)");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
