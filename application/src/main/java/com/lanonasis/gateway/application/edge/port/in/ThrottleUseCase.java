package com.lanonasis.gateway.application.edge.port.in;

import java.time.Duration;

public interface ThrottleUseCase {

    /**
     * Counts one call of {@code key} against {@code limit} per {@code window}. When the store that
     * counts is unreachable the call is let through (a limit must not take the service down).
     */
    Throttle count(String key, int limit, Duration window);

    /** Where {@code key} stands in its current window, without counting a call. */
    Throttle peek(String key, int limit, Duration window);

    /** What a caller needs to answer, and to fill the RateLimit headers. */
    record Throttle(boolean allowed, int limit, long remaining, Duration resetIn) {
    }
}
