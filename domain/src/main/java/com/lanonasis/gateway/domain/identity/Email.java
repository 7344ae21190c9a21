package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so one person cannot register twice by case. */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+");

    public Email {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("email", "email is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("email", "email must be a valid address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
