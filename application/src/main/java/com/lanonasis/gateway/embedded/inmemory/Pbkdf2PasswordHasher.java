package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, for the embedded core (no native or third-party code). The service
 * itself hashes with Argon2id; this one keeps {@code iterations} low by default because it serves tests.
 */
public final class Pbkdf2PasswordHasher implements PasswordHasher {

    private static final String PREFIX = "$pbkdf2-sha256$";
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public Pbkdf2PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1");
        }
        this.iterations = iterations;
    }

    /** Few iterations: fast, for tests. */
    public static Pbkdf2PasswordHasher forTests() {
        return new Pbkdf2PasswordHasher(1_000);
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(PREFIX + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(password, salt, iterations)));
    }

    @Override
    public boolean matches(Password candidate, PasswordHash stored) {
        String value = stored.reveal();
        if (!value.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = value.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, derive(candidate, salt, rounds));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(Password password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.reveal().toCharArray(), salt, rounds, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
