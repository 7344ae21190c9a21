package com.lanonasis.gateway.domain.identity;

import com.lanonasis.gateway.domain.shared.Secret;
import java.util.Objects;

/** An Argon2id hash in PHC string form. Not reversible, but still not for logs. */
public final class PasswordHash implements Secret {

    private final String encoded;

    public PasswordHash(String encoded) {
        this.encoded = Objects.requireNonNull(encoded, "encoded");
    }

    @Override
    public String reveal() {
        return encoded;
    }

    @Override
    public String toString() {
        return Secret.redacted("PasswordHash");
    }
}
