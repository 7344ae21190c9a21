package com.lanonasis.gateway.domain.keys;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** The public half of an API key: {@code pk_<id>} names the key and is safe to show. */
public record ApiKeyId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z]{16,64}");

    public ApiKeyId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("id", "not an API key id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
