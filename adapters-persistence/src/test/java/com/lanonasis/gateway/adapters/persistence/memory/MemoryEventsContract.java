package com.lanonasis.gateway.adapters.persistence.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MemoryEvents} adapter must do. {@link #publisher()} and {@link #subscriber()}
 * may be two instances sharing one store (then this also proves the cross-instance fan-out).
 */
public abstract class MemoryEventsContract {

    protected abstract MemoryEvents publisher();

    protected abstract MemoryEvents subscriber();

    private static int sequence;

    protected static MemoryEvent event(UserId owner, String title) {
        Instant at = Instant.now();
        return new MemoryEvent(MemoryEvent.idFor(at, String.format("%08x", ++sequence)), owner,
                MemoryEvent.Kind.CREATED, new MemoryId(UUID.randomUUID()), title, at);
    }

    private static MemoryEvent next(BlockingQueue<MemoryEvent> seen) throws InterruptedException {
        return seen.poll(5, TimeUnit.SECONDS);
    }

    @Test
    void subscribersReceiveTheirOwnersEventsOnly() throws Exception {
        UserId alice = new UserId(UUID.randomUUID());
        BlockingQueue<MemoryEvent> seen = new LinkedBlockingQueue<>();
        AutoCloseable subscription = subscriber().subscribe(alice, null, seen::add);

        publisher().publish(event(new UserId(UUID.randomUUID()), "someone else's"));
        MemoryEvent mine = event(alice, "mine");
        publisher().publish(mine);

        assertEquals(mine, next(seen));
        subscription.close();
        publisher().publish(event(alice, "after close"));
        assertNull(seen.poll(300, TimeUnit.MILLISECONDS), "nothing after the subscription closed");
    }

    @Test
    void aSubscriberResumesAfterTheLastEventItSaw() throws Exception {
        UserId owner = new UserId(UUID.randomUUID());
        MemoryEvent first = event(owner, "first");
        MemoryEvent second = event(owner, "second");
        MemoryEvent third = event(owner, "third");
        for (MemoryEvent event : List.of(first, second, third)) {
            publisher().publish(event);
        }
        Thread.sleep(200);
        BlockingQueue<MemoryEvent> seen = new LinkedBlockingQueue<>();

        try (AutoCloseable subscription = subscriber().subscribe(owner, first.id(), seen::add)) {
            assertEquals(second, next(seen));
            assertEquals(third, next(seen));
            MemoryEvent fourth = event(owner, "fourth");
            publisher().publish(fourth);
            assertEquals(fourth, next(seen), "then live, each event once");
            assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
        }
    }
}
