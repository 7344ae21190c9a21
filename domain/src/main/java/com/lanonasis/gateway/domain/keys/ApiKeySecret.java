package com.lanonasis.gateway.domain.keys;

import com.lanonasis.gateway.domain.shared.Secret;
import java.util.Objects;

/** The secret half of an API key ({@code sk_<secret>}); shown once at creation, then only its hash exists. */
public final class ApiKeySecret implements Secret {

    private final String value;

    public ApiKeySecret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return Secret.redacted("ApiKeySecret");
    }
}
