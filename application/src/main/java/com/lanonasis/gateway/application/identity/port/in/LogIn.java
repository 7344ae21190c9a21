package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

public record LogIn(String email, String password) {

    @Override
    public String toString() {
        return Secret.redacted("LogIn[email=" + email + "]");
    }
}
