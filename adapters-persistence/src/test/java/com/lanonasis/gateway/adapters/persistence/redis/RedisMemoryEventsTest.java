package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.adapters.persistence.memory.InProcessMemoryEvents;
import com.lanonasis.gateway.adapters.persistence.memory.MemoryEventsContract;
import com.lanonasis.gateway.domain.memory.MemoryEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.embedded.RedisServer;

/** Two "instances" (each its own connections and listeners) sharing one real Redis. */
class RedisMemoryEventsTest extends MemoryEventsContract {

    private static RedisServer server;
    private static RedisStore first;
    private static RedisStore second;
    private static RedisMemoryEvents publisher;
    private static RedisMemoryEvents subscriber;

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new RedisServer(port);
        server.start();
        first = new RedisStore("redis://127.0.0.1:" + port, Duration.ofSeconds(2), Clock.systemUTC());
        second = new RedisStore("redis://127.0.0.1:" + port, Duration.ofSeconds(2), Clock.systemUTC());
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
