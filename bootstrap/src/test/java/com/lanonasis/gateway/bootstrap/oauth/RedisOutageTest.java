package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/** Redis going away answers 503 at once, nothing durable is lost, and the service recovers alone. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTest extends OAuthTestSupport implements TestPropertyProvider {

    private int port;
    private RedisServer redis;

    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redis = start();
        return Map.of("onasis.ephemeral", "redis", "onasis.redis.url", "redis://127.0.0.1:" + port,
                "onasis.redis.command-timeout", "300ms");
    }

    @AfterAll
    void stop() throws IOException {
        redis.stop();
    }

    @Test
    void outageIsA503AndRecoveryNeedsNoRestart() throws Exception {
        Browser browser = new Browser(base);
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(browser.get("/web/login")));
        form.put("email", email);
        form.put("password", password);
        assertEquals(303, browser.post("/web/login", form).statusCode());

        redis.stop();
        long started = System.nanoTime();
        HttpResponse<String> during = browser.get("/web/login");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, during.statusCode(), during.body());
        assertTrue(millis < 5_000, "failed fast, in " + millis + " ms");
        assertEquals(200, restGetWithoutAuth("/health"), "the service itself stays up");
        HttpResponse<String> readiness = send(java.net.http.HttpRequest.newBuilder(endpoint("/health/full")).build());
        assertEquals(200, readiness.statusCode(), "degraded, not down: memories still work");
        assertTrue(readiness.body().startsWith("{\"status\":\"degraded\"") && readiness.body()
                .contains("\"redis\":{\"status\":\"down\""), readiness.body());

        redis = start();
        HttpResponse<String> after = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            after = browser.get("/web/login");
            if (after.statusCode() != 503) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(200, after.statusCode(), "recovered by itself");
        assertTrue(send(java.net.http.HttpRequest.newBuilder(endpoint("/health/full")).build()).body()
                .startsWith("{\"status\":\"ok\""));
        HttpResponse<String> login = postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        assertEquals(200, login.statusCode(), "the account (durable, in the database) was never at risk");
    }

    private int restGetWithoutAuth(String path) {
        return send(java.net.http.HttpRequest.newBuilder(endpoint(path)).GET().build()).statusCode();
    }

    private RedisServer start() {
        try {
            RedisServer server = new RedisServer(port);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
