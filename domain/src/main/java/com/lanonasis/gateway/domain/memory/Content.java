package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;

public record Content(String value) {

    public static final int MAX_LENGTH = 50_000;

    public Content {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("content", "content is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("content", "content must be at most " + MAX_LENGTH + " characters");
        }
    }

    public int sizeInBytes() {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
