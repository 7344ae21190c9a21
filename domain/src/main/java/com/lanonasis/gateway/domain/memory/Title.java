package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;

public record Title(String value) {

    public static final int MAX_LENGTH = 200;

    public Title {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("title", "title is required");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("title", "title must be at most " + MAX_LENGTH + " characters");
        }
    }
}
