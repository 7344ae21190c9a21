package com.lanonasis.gateway.domain.tokens;

import com.lanonasis.gateway.domain.shared.Secret;
import java.util.Objects;

/** A compact, signed token as handed to a client. */
public final class SignedToken implements Secret {

    private final String compact;

    public SignedToken(String compact) {
        this.compact = Objects.requireNonNull(compact, "compact");
    }

    @Override
    public String reveal() {
        return compact;
    }

    @Override
    public String toString() {
        return Secret.redacted("SignedToken");
    }
}
