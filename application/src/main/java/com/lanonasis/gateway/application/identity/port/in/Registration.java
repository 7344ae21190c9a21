package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

/** A sign-up request as received; the use case validates every field and reports all errors at once. */
public record Registration(String email, String password, String name) {

    @Override
    public String toString() {
        return Secret.redacted("Registration[email=" + email + ", name=" + name + "]");
    }
}
