package com.lanonasis.gateway.adapters.persistence.memory;

import com.lanonasis.gateway.embedded.inmemory.InProcessMemoryEvents;

import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import java.time.Clock;
import java.time.Duration;

class InProcessMemoryEventsTest extends MemoryEventsContract {

    private final InProcessMemoryEvents events = new InProcessMemoryEvents(Clock.systemUTC(), Duration.ofMinutes(5));

    @Override
    protected MemoryEvents publisher() {
        return events;
    }

    @Override
    protected MemoryEvents subscriber() {
        return events;
    }
}
