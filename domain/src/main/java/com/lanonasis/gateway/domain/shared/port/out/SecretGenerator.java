package com.lanonasis.gateway.domain.shared.port.out;

import java.security.SecureRandom;

/** Makes high-entropy random strings for identifiers and machine secrets. */
public interface SecretGenerator {

    /** {@code length} characters drawn uniformly from {@code [0-9A-Za-z]}: about 5.95 bits each. */
    String alphanumeric(int length);

    static SecretGenerator secureRandom() {
        SecureRandom random = new SecureRandom();
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return length -> {
            char[] out = new char[length];
            for (int i = 0; i < length; i++) {
                out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            return new String(out);
        };
    }
}
