package com.lanonasis.gateway.application.identity;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.PasswordHasher;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.Users;
import com.lanonasis.gateway.domain.shared.SecretGenerator;
import java.util.Optional;

/**
 * Email + password → user, in the same time whether the email is known or not: an unknown
 * email is checked against a decoy hash so timing reveals nothing.
 */
public final class PasswordCheck {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordHash decoy;

    public PasswordCheck(Users users, PasswordHasher hasher, SecretGenerator secrets) {
        this.users = users;
        this.hasher = hasher;
        this.decoy = hasher.hash(Password.presented(secrets.alphanumeric(24)));
    }

    Optional<User> check(Email email, Password password) {
        Optional<UserAccount> account = users.findByEmail(email);
        boolean matches = hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoy));
        return matches ? account.map(UserAccount::user) : Optional.empty();
    }
}
