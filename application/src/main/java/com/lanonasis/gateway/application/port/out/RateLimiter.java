package com.lanonasis.gateway.application.port.out;

import java.time.Duration;

/** Outgoing port: counts calls per key in fixed windows, shared by every instance where the store is. */
public interface RateLimiter {

    /** Counts one call for {@code key} in the current window of length {@code window}. */
    Count acquire(String key, int limit, Duration window);

    /** The count of {@code key}'s current window, without counting a call. */
    Count peek(String key, int limit, Duration window);

    /**
     * A window's count after a call.
     *
     * @param calls   calls counted in the window, this one included
     * @param resetIn until the window ends and the count starts again
     */
    record Count(long calls, int limit, Duration resetIn) {

        public boolean allowed() {
            return calls <= limit;
        }

        public long remaining() {
            return Math.max(0, limit - calls);
        }

        /** Zero when allowed; otherwise how long to wait. */
        public Duration retryAfter() {
            return allowed() ? Duration.ZERO : resetIn;
        }
    }
}
