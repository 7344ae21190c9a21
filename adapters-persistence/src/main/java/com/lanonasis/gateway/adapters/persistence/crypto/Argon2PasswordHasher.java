package com.lanonasis.gateway.adapters.persistence.crypto;

import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.types.Argon2;

/**
 * Argon2id in PHC string form. Defaults follow OWASP's minimum (19 MiB, 2 passes, 1 lane);
 * stored hashes carry their own parameters, so raising them later keeps old hashes valid.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;

    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
    }

    public static Argon2PasswordHasher owaspDefaults() {
        return new Argon2PasswordHasher(19_456, 2, 1);
    }

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash(com.password4j.Password.hash(password.reveal())
                .addRandomSalt(SALT_BYTES)
                .with(function)
                .getResult());
    }

    @Override
    public boolean matches(Password candidate, PasswordHash stored) {
        if (isBcrypt(stored)) {
            try {
                return BcryptFunction.getInstanceFromHash(stored.reveal()).check(candidate.reveal(), stored.reveal());
            } catch (RuntimeException malformedHash) {
                return false;
            }
        }
        try {
            return Argon2Function.getInstanceFromHash(stored.reveal()).check(candidate.reveal(), stored.reveal());
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Imported bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}) are upgraded to Argon2id at the next sign-in. */
    @Override
    public boolean needsRehash(PasswordHash stored) {
        return !stored.reveal().startsWith("$argon2id$");
    }

    static boolean isBcrypt(PasswordHash stored) {
        String encoded = stored.reveal();
        return encoded.startsWith("$2a$") || encoded.startsWith("$2b$") || encoded.startsWith("$2y$");
    }
}
