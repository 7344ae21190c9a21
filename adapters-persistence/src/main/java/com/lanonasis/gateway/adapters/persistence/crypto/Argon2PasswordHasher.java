package com.lanonasis.gateway.adapters.persistence.crypto;

import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.password4j.BcryptFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) in PHC string form: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in
 * unpadded base64. Defaults follow OWASP's minimum (19 MiB, 2 passes, 1 lane); stored hashes carry their own
 * parameters, so raising them later keeps old hashes valid, and hashes written by password4j (which this class
 * used before) verify unchanged.
 *
 * <p>Argon2 is memory-hard: each hash or check fills {@code m} KiB. The memory is allocated for the one computation
 * and dropped after it (Bouncy Castle's generator), and at most {@code concurrency} computations run at once (by
 * default one per core: they are CPU-bound, so more would not finish sooner), so a burst of sign-ins waits instead
 * of needing a heap of {@code m} KiB per caller. (password4j kept an {@code m} KiB template per parameter set for
 * the life of the process and copied it for every hash: with the OWASP defaults 19 MiB held and 19 MiB per
 * concurrent caller, which ran the README's 96 MB heap out of memory at 32 concurrent sign-ins.)
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Bounds on what a stored hash may ask for; beyond them it is treated as malformed (no match). */
    private static final int MAX_MEMORY_KIB = 262_144;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final Semaphore running;
    private final SecureRandom random = new SecureRandom();

    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(memoryKib, iterations, parallelism, Runtime.getRuntime().availableProcessors());
    }

    /** @param concurrency how many hashes or checks may run at once (each holds {@code memoryKib} KiB) */
    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism, int concurrency) {
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1 || parallelism > MAX_PARALLELISM || concurrency < 1) {
            throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKib + " KiB, t="
                    + iterations + ", p=" + parallelism + ", concurrency " + concurrency);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.running = new Semaphore(concurrency, true);
    }

    public static Argon2PasswordHasher owaspDefaults() {
        return new Argon2PasswordHasher(19_456, 2, 1);
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Phc phc = new Phc(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, memoryKib, iterations,
                parallelism, salt, new byte[HASH_BYTES]);
        return new PasswordHash(phc.withHash(compute(phc, password)).encoded());
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
        Phc phc = Phc.parse(stored.reveal());
        if (phc == null) {
            return false;
        }
        return MessageDigest.isEqual(compute(phc, candidate), phc.hash);
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

    /** The hash of the password under the parameters and salt of {@code phc}, as long as its hash. */
    private byte[] compute(Phc phc, Password password) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(phc.type).withVersion(phc.version).withMemoryAsKB(phc.memoryKib)
                .withIterations(phc.iterations).withParallelism(phc.parallelism).withSalt(phc.salt).build());
        byte[] secret = password.reveal().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[phc.hash.length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(secret, out);
        } finally {
            running.release();
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    /** An Argon2 hash in PHC form: written by {@link #encoded()}, read by {@link #parse} (null when malformed). */
    private record Phc(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt,
                       byte[] hash) {

        private static final String[] TYPES = {"argon2d", "argon2i", "argon2id"}; // Bouncy Castle's 0, 1, 2

        Phc withHash(byte[] computed) {
            return new Phc(type, version, memoryKib, iterations, parallelism, salt, computed);
        }

        String encoded() {
            return "$" + TYPES[type] + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                    + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        }

        static Phc parse(String encoded) {
            String[] parts = encoded.split("\\$", -1);
            // "", type, [v=..], "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 && parts.length != 5 || !parts[0].isEmpty()) {
                return null;
            }
            int type = java.util.List.of(TYPES).indexOf(parts[1]);
            if (type < 0) {
                return null;
            }
            int at = 2;
            int version = Argon2Parameters.ARGON2_VERSION_10;
            if (parts.length == 6) {
                if (!parts[2].startsWith("v=")) {
                    return null;
                }
                version = number(parts[2].substring(2), 0x13);
                if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
                    return null;
                }
                at = 3;
            }
            int memory = -1;
            int passes = -1;
            int lanes = -1;
            for (String parameter : parts[at].split(",", -1)) {
                int equals = parameter.indexOf('=');
                if (equals < 0) {
                    return null;
                }
                String value = parameter.substring(equals + 1);
                switch (parameter.substring(0, equals)) {
                    case "m" -> memory = number(value, MAX_MEMORY_KIB);
                    case "t" -> passes = number(value, MAX_ITERATIONS);
                    case "p" -> lanes = number(value, MAX_PARALLELISM);
                    default -> {
                        return null;
                    }
                }
            }
            if (memory < 0 || passes < 1 || lanes < 1 || memory < 8 * lanes) {
                return null;
            }
            try {
                byte[] salt = B64_DECODER.decode(parts[at + 1]);
                byte[] hash = B64_DECODER.decode(parts[at + 2]);
                if (salt.length < 8 || hash.length < 4 || hash.length > 1024) {
                    return null;
                }
                return new Phc(type, version, memory, passes, lanes, salt, hash);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }

        /** A decimal number in [0, max]; -1 otherwise. */
        private static int number(String text, int max) {
            if (text.isEmpty() || text.length() > 7) {
                return -1;
            }
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return -1;
                }
            }
            int value = Integer.parseInt(text);
            return value <= max ? value : -1;
        }
    }
}
