package com.lanonasis.gateway.embedded.inmemory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Short-lived entries held in this process: expired ones are invisible at once and swept now
 * and then, so memory stays bounded by what is live.
 */
final class ExpiringMap<K, V> {

    private static final int SWEEP_EVERY = 1024;
    private static final java.time.Duration SWEEP_AT_LEAST_EVERY = java.time.Duration.ofMinutes(1);

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final Clock clock;
    private volatile Instant nextSweep = Instant.MIN;

    ExpiringMap(Clock clock) {
        this.clock = clock;
    }

    void put(K key, V value, Instant expiresAt) {
        entries.put(key, new Entry<>(value, expiresAt));
        Instant now = clock.instant();
        // every 1024 writes, and at least once a minute while anything is written (the retention purge's part for
        // codes, device codes and sessions held in this process; Redis expires its own by TTL)
        if (writes.incrementAndGet() % SWEEP_EVERY == 0 || now.isAfter(nextSweep)) {
            nextSweep = now.plus(SWEEP_AT_LEAST_EVERY);
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        }
    }

    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null || !clock.instant().isBefore(entry.expiresAt()) ? Optional.empty()
                : Optional.of(entry.value());
    }

    Optional<V> remove(K key) {
        Entry<V> entry = entries.remove(key);
        return entry == null || !clock.instant().isBefore(entry.expiresAt()) ? Optional.empty()
                : Optional.of(entry.value());
    }

    /**
     * Atomically replaces a live entry's value (keeping its expiry) when {@code change} returns
     * a new one; returns the value that was there, if live.
     */
    Optional<V> update(K key, BiFunction<K, V, V> change) {
        Instant now = clock.instant();
        Object[] before = new Object[1];
        entries.computeIfPresent(key, (k, entry) -> {
            if (!now.isBefore(entry.expiresAt())) {
                return null;
            }
            before[0] = entry.value();
            V changed = change.apply(k, entry.value());
            return changed == null ? entry : new Entry<>(changed, entry.expiresAt());
        });
        @SuppressWarnings("unchecked")
        V previous = (V) before[0];
        return Optional.ofNullable(previous);
    }
}
