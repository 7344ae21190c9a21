package com.lanonasis.gateway.domain.memory;

/** The embedding model or provider could not produce a vector (an infrastructure failure). */
public final class EmbeddingFailure extends RuntimeException {

    public EmbeddingFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public EmbeddingFailure(String message) {
        super(message);
    }
}
