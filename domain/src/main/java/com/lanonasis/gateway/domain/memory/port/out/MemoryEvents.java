package com.lanonasis.gateway.domain.memory.port.out;

import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.function.Consumer;

/**
 * Outgoing port: hands each memory event to every live subscriber of its owner, on every
 * instance where the store is shared (Redis pub/sub), and keeps the recent ones for resumption.
 * Publishing never fails a write that already committed: an adapter that cannot publish drops
 * the event (subscribers catch up by reading).
 */
public interface MemoryEvents {

    void publish(MemoryEvent event);

    /**
     * Delivers {@code owner}'s events to {@code listener}: first those still kept that came after
     * {@code afterEventId} (null: none), then new ones, until the returned handle is closed.
     */
    AutoCloseable subscribe(UserId owner, String afterEventId, Consumer<MemoryEvent> listener);
}
