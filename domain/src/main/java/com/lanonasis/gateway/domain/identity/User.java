package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * @param name     optional display name, null when not given
 * @param disabled set by an administrator: no credential of a disabled user is accepted
 */
public record User(UserId id, Email email, String name, Role role, Instant createdAt, boolean disabled) {

    public static final int MAX_NAME_LENGTH = 100;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        name = normalizeName(name);
    }

    /** An enabled account. */
    public User(UserId id, Email email, String name, Role role, Instant createdAt) {
        this(id, email, name, role, createdAt, false);
    }

    public static String normalizeName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidValue("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }
}
