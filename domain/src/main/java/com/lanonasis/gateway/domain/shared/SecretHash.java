package com.lanonasis.gateway.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 of a machine-generated, high-entropy secret. Such secrets cannot be guessed, so a
 * fast hash is enough and verification stays cheap on the hot path (passwords use Argon2id).
 */
public record SecretHash(String hex) {

    public SecretHash {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static SecretHash of(Secret secret) {
        return new SecretHash(HexFormat.of().formatHex(digest(secret)));
    }

    /** Constant-time comparison, so timing does not reveal how much of a guess was right. */
    public boolean matches(Secret candidate) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(hex), digest(candidate));
    }

    private static byte[] digest(Secret secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
