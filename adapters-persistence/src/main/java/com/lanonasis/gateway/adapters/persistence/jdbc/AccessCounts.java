package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reads of memory entries ({@code access_count}, {@code last_accessed}), counted in memory and
 * written behind by one thread (issue 16): a read makes no write. Reads of the same entry between
 * two flushes become one {@code UPDATE}. Bounded: when {@code capacity} distinct entries wait, the
 * reads of further entries are dropped and counted, never waited for. A graceful stop flushes what
 * waits; {@code kill -9} loses it (docs/performance.md names these counters).
 */
public final class AccessCounts implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AccessCounts.class.getName());

    record Key(UserId owner, MemoryId id) {
    }

    /** Reads of one entry not yet written; changed only inside the map's atomic compute. */
    static final class Pending {
        long count;
        Instant last;
    }

    /** What one flush writes for one owner. */
    record Access(MemoryId id, long count, Instant last) {
    }

    @FunctionalInterface
    interface Writer {
        void write(UserId owner, List<Access> accesses);
    }

    private final ConcurrentHashMap<Key, Pending> pending = new ConcurrentHashMap<>();
    private final int capacity;
    private final long periodMillis;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Object flushing = new Object();
    private volatile Writer writer;
    private volatile boolean running = true;
    private Thread thread;

    public AccessCounts(int capacity, Duration period) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("access counts: capacity and period must be positive");
        }
        this.capacity = capacity;
        this.periodMillis = period.toMillis();
    }

    /** Starts the writer thread, writing through {@code target}. */
    synchronized void start(Writer target) {
        if (thread != null) {
            throw new IllegalStateException("access counts already started");
        }
        this.writer = target;
        thread = new Thread(this::loop, "memory-access-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void record(UserId owner, MemoryId id, Instant at) {
        if (!running) {
            dropped.incrementAndGet();
            return;
        }
        pending.compute(new Key(owner, id), (key, waiting) -> {
            Pending counted = waiting;
            if (counted == null) {
                if (pending.size() >= capacity) {
                    dropped.incrementAndGet();
                    return null;
                }
                counted = new Pending();
            }
            counted.count++;
            if (counted.last == null || at.isAfter(counted.last)) {
                counted.last = at;
            }
            return counted;
        });
    }

    /** The reads of this entry not yet written (count, latest time), or null. */
    Access waiting(UserId owner, MemoryId id) {
        Access[] seen = new Access[1];
        pending.computeIfPresent(new Key(owner, id), (key, counted) -> {
            seen[0] = new Access(id, counted.count, counted.last);
            return counted;
        });
        return seen[0];
    }

    /** Reads dropped because {@code capacity} entries were waiting (or after the stop). */
    public long dropped() {
        return dropped.get();
    }

    /** Reads lost because the database refused their write. */
    public long failed() {
        return failed.get();
    }

    /** Entries with reads waiting to be written. */
    public int pending() {
        return pending.size();
    }

    /** Writes every waiting read now (tests, shutdown). */
    public void flush() {
        synchronized (flushing) {
            if (pending.isEmpty() || writer == null) {
                return;
            }
            Map<UserId, List<Access>> byOwner = new HashMap<>();
            for (Key key : pending.keySet()) {
                Pending taken = pending.remove(key);
                if (taken != null) {
                    byOwner.computeIfAbsent(key.owner(), owner -> new ArrayList<>())
                            .add(new Access(key.id(), taken.count, taken.last));
                }
            }
            byOwner.forEach((owner, accesses) -> {
                try {
                    writer.write(owner, accesses);
                } catch (RuntimeException e) {
                    long lost = accesses.stream().mapToLong(Access::count).sum();
                    failed.addAndGet(lost);
                    LOG.log(System.Logger.Level.WARNING, "memory access counts: " + lost + " reads not written: " + e);
                }
            });
        }
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                break;
            }
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "memory access writer: " + e);
            }
        }
    }

    /** Stops the writer and writes what waits (graceful shutdown). */
    @Override
    public void close() {
        running = false;
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current != null) {
            current.interrupt();
            try {
                current.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
