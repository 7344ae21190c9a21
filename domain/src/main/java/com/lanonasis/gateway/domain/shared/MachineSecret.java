package com.lanonasis.gateway.domain.shared;

import java.util.Objects;

/**
 * A high-entropy value this service generated and handed out once: a client secret, a
 * refresh token, an authorization or device code, a session id. Stored only as a
 * {@link SecretHash}.
 */
public final class MachineSecret implements Secret {

    private final String value;

    public MachineSecret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public SecretHash hash() {
        return SecretHash.of(this);
    }

    @Override
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return Secret.redacted("MachineSecret");
    }
}
