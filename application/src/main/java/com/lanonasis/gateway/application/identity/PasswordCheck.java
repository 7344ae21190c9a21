package com.lanonasis.gateway.application.identity;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.PasswordHasher;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.Users;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.RateLimiter;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.SecretGenerator;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Email + password → user, in the same time whether the email is known or not: an unknown
 * email is checked against a decoy hash so timing reveals nothing. Failed attempts are counted
 * per email (known or not, so the lockout says nothing about existence): after
 * {@code maxFailures} in a window, further attempts for that email are refused with
 * {@code RateLimited} until the window ends, whatever address they come from.
 */
public final class PasswordCheck {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordHash decoy;
    private final RateLimiter failures;
    private final int maxFailures;
    private final Duration window;

    public PasswordCheck(Users users, PasswordHasher hasher, SecretGenerator secrets, RateLimiter failures,
                         int maxFailures, Duration window) {
        this.users = users;
        this.hasher = hasher;
        this.decoy = hasher.hash(Password.presented(secrets.alphanumeric(24)));
        this.failures = failures;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** The user; {@code InvalidCredentials} for a wrong pair, {@code RateLimited} while the email is locked. */
    Outcome<User> check(Email email, Password password) {
        String key = "login-failures:" + email.value().toLowerCase(Locale.ROOT);
        RateLimiter.Count failed = failures.peek(key, maxFailures, window);
        if (failed.calls() >= maxFailures) {
            return Outcome.rejected(new Rejection.RateLimited(failed.resetIn()));
        }
        Optional<UserAccount> account = users.findByEmail(email);
        boolean matches = hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoy));
        if (matches && account.isPresent()) {
            return Outcome.done(account.get().user());
        }
        failures.acquire(key, maxFailures, window);
        return Outcome.rejected(new Rejection.InvalidCredentials());
    }
}
