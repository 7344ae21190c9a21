package com.lanonasis.gateway.bootstrap.http;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/** RequestLogHttpTest again with ONASIS_REQUEST_LOG_STORE=redis (a sorted set in an embedded Redis). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRequestLogHttpTest extends RequestLogHttpTest implements TestPropertyProvider {

    private RedisServer redis;
    private String url;

    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            redis = new RedisServer(port);
            redis.start();
            url = "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("onasis.ephemeral", "redis", "onasis.redis.url", url, "onasis.request-log.store", "redis",
                "onasis.admin.emails", "logs-admin@example.com, logs-other@example.com",
                "onasis.credentials.recheck-period", "1s");
    }

    @AfterAll
    void stopRedis() throws IOException {
        redis.stop();
    }

    @Override
    List<String> storedValues() {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().zrange("onasis:request-log", 0, -1);
        } finally {
            client.shutdown();
        }
    }
}
