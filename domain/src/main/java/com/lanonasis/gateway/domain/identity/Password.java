package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Secret;

/** A plain-text password on its way to being hashed or checked; never stored, never printed. */
public final class Password implements Secret {

    public static final int MIN_LENGTH = 8;
    /** Bounded so nobody can make the hasher chew megabytes. */
    public static final int MAX_LENGTH = 256;

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** Any presented password, for checking against a stored hash. */
    public static Password presented(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue("password", "password is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValue("password", "password must be at most " + MAX_LENGTH + " characters");
        }
        return new Password(value);
    }

    /** A new password, which must be strong enough to keep. */
    public static Password chosen(String value, Email owner) {
        Password password = presented(value);
        if (value.codePointCount(0, value.length()) < MIN_LENGTH) {
            throw new InvalidValue("password", "password must be at least " + MIN_LENGTH + " characters");
        }
        if (value.chars().distinct().count() < 4) {
            throw new InvalidValue("password", "password must use at least 4 different characters");
        }
        if (owner != null && value.equalsIgnoreCase(owner.value())) {
            throw new InvalidValue("password", "password must not be the email address");
        }
        return password;
    }

    @Override
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return Secret.redacted("Password");
    }
}
