package com.lanonasis.gateway.application.identity;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Email + password → user, in the same time whether the email is known or not: an unknown
 * email is checked against a decoy hash so timing reveals nothing.
 *
 * <p>The lock-out throttles the attacker, not the account owner (the OWASP ASVS V2.2 and
 * Keycloak patterns). Failures are counted per (email, client address): after
 * {@code maxFailures} in a window that pair is refused with {@code RateLimited} until the window
 * ends, while the owner signing in from another address is not affected. Failures are also counted
 * per email from every address, with the much higher {@code maxAccountFailures} meant for a
 * distributed attack; past it the email is refused everywhere except from addresses that signed in
 * to it successfully in the last {@link #KNOWN_ADDRESS_MEMORY}. Both counts are kept for unknown
 * emails too, so a lock-out says nothing about whether an account exists.
 */
public final class PasswordCheck {

    /** How long an address that signed in successfully stays known for its account. */
    static final Duration KNOWN_ADDRESS_MEMORY = Duration.ofDays(30);

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordHash decoy;
    private final RateLimiter failures;
    private final int maxFailures;
    private final int maxAccountFailures;
    private final Duration window;
    /** Where a matching legacy (bcrypt) hash is replaced by Argon2id; null leaves hashes as they are. */
    private final UserDirectory upgrades;

    /**
     * @param maxFailures        failures of one (email, address) pair per window before that pair is refused
     * @param maxAccountFailures failures of one email from all addresses per window before unknown addresses are refused
     */
    public PasswordCheck(Users users, PasswordHasher hasher, SecretGenerator secrets, RateLimiter failures,
                         int maxFailures, int maxAccountFailures, Duration window) {
        this(users, hasher, secrets, failures, maxFailures, maxAccountFailures, window, null);
    }

    /** @param upgrades where imported (bcrypt) hashes are replaced by Argon2id at a successful sign-in */
    public PasswordCheck(Users users, PasswordHasher hasher, SecretGenerator secrets, RateLimiter failures,
                         int maxFailures, int maxAccountFailures, Duration window, UserDirectory upgrades) {
        this.upgrades = upgrades;
        if (maxFailures < 1 || maxAccountFailures < maxFailures) {
            throw new IllegalArgumentException("login lock-out: need 1 <= max-failures <= max-account-failures, got "
                    + maxFailures + " and " + maxAccountFailures);
        }
        this.users = users;
        this.hasher = hasher;
        this.decoy = hasher.hash(Password.presented(secrets.alphanumeric(24)));
        this.failures = failures;
        this.maxFailures = maxFailures;
        this.maxAccountFailures = maxAccountFailures;
        this.window = window;
    }

    /** With the per-email threshold ten times the per-(email, address) one. */
    public PasswordCheck(Users users, PasswordHasher hasher, SecretGenerator secrets, RateLimiter failures,
                         int maxFailures, Duration window) {
        this(users, hasher, secrets, failures, maxFailures, maxFailures * 10, window);
    }

    /** The user; {@code InvalidCredentials} for a wrong pair, {@code RateLimited} while locked for {@code from}. */
    public Outcome<User> check(Email email, Password password, String from) {
        String account = email.value().toLowerCase(Locale.ROOT);
        String pairKey = "login-failures:" + account + "|" + from;
        String accountKey = "login-failures:" + account;
        String knownKey = "login-known:" + account + "|" + from;
        RateLimiter.Count pair = failures.peek(pairKey, maxFailures, window);
        if (pair.calls() >= maxFailures) {
            return Outcome.rejected(new Rejection.RateLimited(pair.resetIn()));
        }
        RateLimiter.Count all = failures.peek(accountKey, maxAccountFailures, window);
        if (all.calls() >= maxAccountFailures && failures.peek(knownKey, 1, KNOWN_ADDRESS_MEMORY).calls() == 0) {
            return Outcome.rejected(new Rejection.RateLimited(all.resetIn()));
        }
        Optional<UserAccount> found = users.findByEmail(email);
        boolean matches = hasher.matches(password, found.map(UserAccount::passwordHash).orElse(decoy));
        if (matches && found.isPresent()) {
            if (found.get().user().disabled()) {
                return Outcome.rejected(new Rejection.Refused("account_disabled", "this account is disabled"));
            }
            PasswordHash stored = found.get().passwordHash();
            if (upgrades != null && hasher.needsRehash(stored)) {
                upgrades.replacePasswordHash(found.get().user().id(), stored, hasher.hash(password));
            }
            if (failures.peek(knownKey, 1, KNOWN_ADDRESS_MEMORY).calls() == 0) {
                failures.acquire(knownKey, 1, KNOWN_ADDRESS_MEMORY);
            }
            return Outcome.done(found.get().user());
        }
        failures.acquire(pairKey, maxFailures, window);
        failures.acquire(accountKey, maxAccountFailures, window);
        return Outcome.rejected(new Rejection.InvalidCredentials());
    }
}
