package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.application.port.out.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixed windows counted in this process: limits per instance. */
public final class InMemoryRateLimiter implements RateLimiter {

    private record Window(long start, long end, AtomicInteger count) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Count acquire(String key, int limit, Duration window) {
        long now = now();
        long length = window.toMillis();
        long start = now - now % length;
        if (windows.size() > 10_000) {
            // only windows that have ended: keys of longer windows (a lock-out) outlive a minute's
            windows.values().removeIf(old -> old.end() <= now);
        }
        Window current = windows.compute(key, (k, existing) -> existing == null || existing.start() != start
                ? new Window(start, start + length, new AtomicInteger()) : existing);
        return new Count(current.count().incrementAndGet(), limit, Duration.ofMillis(start + length - now));
    }

    @Override
    public Count peek(String key, int limit, Duration window) {
        long now = now();
        long start = now - now % window.toMillis();
        Window current = windows.get(key);
        long calls = current == null || current.start() != start ? 0 : current.count().get();
        return new Count(calls, limit, Duration.ofMillis(start + window.toMillis() - now));
    }

    private long now() {
        return clock.instant().toEpochMilli(); // not millis(): a sub-millisecond Clock.tick divides by zero there on JDK 17
    }
}
