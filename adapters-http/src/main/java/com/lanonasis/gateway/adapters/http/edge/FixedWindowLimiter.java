package com.lanonasis.gateway.adapters.http.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small in-process limiter: at most {@code limit} calls per key in each window. Enough to stop
 * one address from flooding an open endpoint; shared limits across instances are the edge's job.
 */
public final class FixedWindowLimiter {

    private record Window(long start, AtomicInteger count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindowLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Seconds until the caller may try again; 0 when this call is allowed. */
    public long retryAfterSeconds(String key) {
        long now = clock.millis();
        long start = now - now % windowMillis;
        if (windows.size() > 10_000) {
            windows.values().removeIf(window -> window.start() < start);
        }
        Window window = windows.compute(key, (k, current) ->
                current == null || current.start() != start ? new Window(start, new AtomicInteger()) : current);
        if (window.count().incrementAndGet() <= limit) {
            return 0;
        }
        return Math.max(1, (start + windowMillis - now + 999) / 1000);
    }
}
