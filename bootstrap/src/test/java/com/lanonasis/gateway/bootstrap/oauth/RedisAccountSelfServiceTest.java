package com.lanonasis.gateway.bootstrap.oauth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/** AccountSelfServiceTest again with browser sessions in Redis (ONASIS_EPHEMERAL=redis): listed and ended there. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisAccountSelfServiceTest extends AccountSelfServiceTest implements TestPropertyProvider {

    private RedisServer redis;

    @Override
    public Map<String, String> getProperties() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            redis = new RedisServer(port);
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("onasis.ephemeral", "redis", "onasis.redis.url", "redis://127.0.0.1:" + port,
                "onasis.admin.emails", "sessions-admin@example.com");
    }

    @AfterAll
    void stopRedis() throws IOException {
        redis.stop();
    }
}
