package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.embedded.inmemory.InProcessMemoryEvents;
import com.lanonasis.gateway.adapters.persistence.memory.MemoryEventsContract;
import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two "instances" (each its own connections and listeners) sharing one real Redis. */
class RedisMemoryEventsTest extends MemoryEventsContract {

    private static TestRedis server;
    private static RedisStore first;
    private static RedisStore second;
    private static RedisMemoryEvents publisher;
    private static RedisMemoryEvents subscriber;

    @BeforeAll
    static void startRedis() throws IOException {
        server = new TestRedis();
        first = server.connect();
        second = server.connect();
        publisher = new RedisMemoryEvents(first, new InProcessMemoryEvents(Clock.systemUTC(), Duration.ofMinutes(5)),
                Duration.ofMinutes(5));
        subscriber = new RedisMemoryEvents(second, new InProcessMemoryEvents(Clock.systemUTC(), Duration.ofMinutes(5)),
                Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopRedis() throws IOException {
        publisher.close();
        subscriber.close();
        first.close();
        second.close();
        server.stop();
    }

    @Override
    protected MemoryEvents publisher() {
        return publisher;
    }

    @Override
    protected MemoryEvents subscriber() {
        return subscriber;
    }
}
