package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Memory events within this process: each owner's listeners, and each owner's last
 * {@value #KEPT} events of the last {@code retention} for resumption. Also the local delivery
 * half of the Redis adapter, which feeds it what arrives over pub/sub.
 */
public final class InProcessMemoryEvents implements MemoryEvents {

    static final int KEPT = 100;
    private static final System.Logger LOG = System.getLogger(InProcessMemoryEvents.class.getName());

    private final Map<UserId, Set<Consumer<MemoryEvent>>> listeners = new ConcurrentHashMap<>();
    private final Map<UserId, Deque<MemoryEvent>> recent = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;
    private final AtomicLong published = new AtomicLong();

    public InProcessMemoryEvents(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void publish(MemoryEvent event) {
        keep(event);
        deliver(event);
    }

    /** Hands the event to this process's listeners of its owner, without keeping it. */
    public void deliver(MemoryEvent event) {
        for (Consumer<MemoryEvent> listener : listeners.getOrDefault(event.owner(), Set.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a memory event listener failed: {0}", e.toString());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(UserId owner, String afterEventId, Consumer<MemoryEvent> listener) {
        Consumer<MemoryEvent> once = deduplicating(listener);
        listeners.computeIfAbsent(owner, id -> new CopyOnWriteArraySet<>()).add(once);
        if (afterEventId != null) {
            kept(owner).stream().filter(event -> event.after(afterEventId)).forEach(once);
        }
        return () -> listeners.computeIfPresent(owner, (id, set) -> {
            set.remove(once);
            return set.isEmpty() ? null : set;
        });
    }

    /** The owner's kept events, oldest first. */
    public List<MemoryEvent> kept(UserId owner) {
        Deque<MemoryEvent> events = recent.get(owner);
        if (events == null) {
            return List.of();
        }
        Instant cutoff = clock.instant().minus(retention);
        synchronized (events) {
            return events.stream().filter(event -> event.at().isAfter(cutoff)).toList();
        }
    }

    public int subscribers() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    private void keep(MemoryEvent event) {
        if (published.incrementAndGet() % 1000 == 0) {
            forgetQuietOwners();
        }
        Deque<MemoryEvent> events = recent.computeIfAbsent(event.owner(), id -> new ArrayDeque<>());
        synchronized (events) {
            events.addLast(event);
            while (events.size() > KEPT) {
                events.removeFirst();
            }
        }
    }

    private void forgetQuietOwners() {
        Instant cutoff = clock.instant().minus(retention);
        recent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                MemoryEvent newest = entry.getValue().peekLast();
                return newest == null || !newest.at().isAfter(cutoff);
            }
        });
    }

    /** Replay and live delivery may overlap for an instant; each event reaches a listener once. */
    public static Consumer<MemoryEvent> deduplicating(Consumer<MemoryEvent> listener) {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return event -> {
            if (seen.add(event.id())) {
                if (seen.size() > KEPT * 2) {
                    seen.clear();
                    seen.add(event.id());
                }
                listener.accept(event);
            }
        };
    }
}
