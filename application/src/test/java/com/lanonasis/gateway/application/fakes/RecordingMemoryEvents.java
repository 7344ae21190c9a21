package com.lanonasis.gateway.application.fakes;

import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.memory.MemoryEvents;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Keeps every published event and hands new ones to the owner's listeners, in this thread. */
public final class RecordingMemoryEvents implements MemoryEvents {

    public final List<MemoryEvent> published = new ArrayList<>();
    private final Map<Consumer<MemoryEvent>, UserId> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(MemoryEvent event) {
        published.add(event);
        listeners.forEach((listener, owner) -> {
            if (owner.equals(event.owner())) {
                listener.accept(event);
            }
        });
    }

    @Override
    public AutoCloseable subscribe(UserId owner, String afterEventId, Consumer<MemoryEvent> listener) {
        published.stream().filter(e -> e.owner().equals(owner) && e.after(afterEventId)).forEach(listener);
        listeners.put(listener, owner);
        return () -> listeners.remove(listener);
    }
}
