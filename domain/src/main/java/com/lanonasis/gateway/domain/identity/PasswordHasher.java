package com.lanonasis.gateway.domain.identity;

/** Outgoing port: a slow, salted password hash (Argon2id). */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    boolean matches(Password candidate, PasswordHash stored);
}
