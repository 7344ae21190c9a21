package com.lanonasis.gateway.domain.shared;

/**
 * A value that must never reach a log or a response by accident. Implementations are final
 * classes (not records) whose {@code toString()} redacts; the plain text is only available
 * through {@link #reveal()}, so every use of it is a visible, searchable call.
 */
public interface Secret {

    String reveal();

    /**
     * What {@code toString()} of a secret-bearing type returns. ArchUnit checks that every
     * implementation's {@code toString()} calls this, so none prints its value by accident.
     */
    static String redacted(String typeName) {
        return typeName + "[REDACTED]";
    }
}
