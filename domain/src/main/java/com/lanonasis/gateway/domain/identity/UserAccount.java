package com.lanonasis.gateway.domain.identity;

import java.util.Objects;

/** A user together with what proves them: kept apart from {@link User} so the hash travels only where needed. */
public record UserAccount(User user, PasswordHash passwordHash) {

    public UserAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
