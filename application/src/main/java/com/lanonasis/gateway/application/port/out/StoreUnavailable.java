package com.lanonasis.gateway.application.port.out;

/**
 * A backing store (database, Redis) cannot be reached right now. Not a bug and not the caller's
 * fault: adapters answer "try again shortly" (HTTP 503) and nothing has been half-written.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
