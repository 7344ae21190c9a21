package com.lanonasis.gateway.domain.shared;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId parse(String text) {
        try {
            return new UserId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue("user_id", "not a user id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
