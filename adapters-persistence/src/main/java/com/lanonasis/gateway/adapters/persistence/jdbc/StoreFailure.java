package com.lanonasis.gateway.adapters.persistence.jdbc;

/** The store could not do what was asked (connection lost, constraint broken unexpectedly). */
public final class StoreFailure extends RuntimeException {

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
