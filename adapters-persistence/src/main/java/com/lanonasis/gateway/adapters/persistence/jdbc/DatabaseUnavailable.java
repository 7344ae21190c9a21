package com.lanonasis.gateway.adapters.persistence.jdbc;

/** The database named by configuration cannot be used at start-up; the message says which and why. */
public final class DatabaseUnavailable extends RuntimeException {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
