package com.lanonasis.gateway.bootstrap.http;

import java.time.Duration;

/**
 * The limiter counts in fixed windows aligned on the clock (a minute starts at :00); a test that
 * needs several calls inside one window first waits, when the current one is about to end, so the
 * count is not reset half-way.
 */
final class Windows {

    private Windows() {
    }

    static void roomFor(Duration needed, Duration window) {
        long length = window.toMillis();
        long left = length - System.currentTimeMillis() % length;
        if (left < needed.toMillis()) {
            try {
                Thread.sleep(left + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Room for a few seconds of calls in the current minute, ten and fifteen minutes. */
    static void roomForAFewSeconds() {
        roomFor(Duration.ofSeconds(8), Duration.ofMinutes(15));
        roomFor(Duration.ofSeconds(8), Duration.ofMinutes(10));
        roomFor(Duration.ofSeconds(8), Duration.ofMinutes(1));
    }
}
