package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

/**
 * @param from the client address the attempt comes from (failed attempts lock that address for the
 *             account, not the account for everyone); {@code unknown} when there is none to give
 */
public record LogIn(String email, String password, String from) {

    public static final String UNKNOWN_ADDRESS = "unknown";

    public LogIn {
        from = from == null || from.isBlank() ? UNKNOWN_ADDRESS : from;
    }

    public LogIn(String email, String password) {
        this(email, password, UNKNOWN_ADDRESS);
    }

    @Override
    public String toString() {
        return Secret.redacted("LogIn[email=" + email + ", from=" + from + "]");
    }
}
