package com.lanonasis.gateway.domain.identity.port.out;

import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;

/** Outgoing port: a slow, salted password hash (Argon2id; imported bcrypt hashes are verified, then replaced). */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    boolean matches(Password candidate, PasswordHash stored);

    /** True when a stored hash that just matched should be replaced by a fresh one (e.g. an imported bcrypt hash). */
    default boolean needsRehash(PasswordHash stored) {
        return false;
    }
}
