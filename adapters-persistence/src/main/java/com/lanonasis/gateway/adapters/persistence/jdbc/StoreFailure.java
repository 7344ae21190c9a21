package com.lanonasis.gateway.adapters.persistence.jdbc;

/**
 * The store failed for a reason other than being out of reach (a constraint broken unexpectedly, stored
 * data unreadable). A lost or refused connection is {@code StoreUnavailable} instead, which callers answer
 * with 503; this one is a bug or corrupt data and answers 500.
 */
public final class StoreFailure extends RuntimeException {

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
