package com.lanonasis.gateway.adapters.persistence.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import redis.embedded.RedisServer;

/** A real redis-server (embedded-redis) on a free port, and stores connected to it. */
final class TestRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    TestRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new RedisServer(port);
        server.start();
    }

    RedisStore connect() {
        return connect(Duration.ofSeconds(2));
    }

    RedisStore connect(Duration commandTimeout) {
        return new RedisStore("redis://127.0.0.1:" + port, commandTimeout, Clock.systemUTC());
    }

    void stop() throws IOException {
        server.stop();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
