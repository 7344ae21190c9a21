package com.lanonasis.gateway.adapters.persistence.redis;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lanonasis.gateway.adapters.persistence.memory.ShortLivedStateContract;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same contract on a real Redis server (embedded-redis bundles redis-server 6.2). */
class RedisShortLivedStateTest extends ShortLivedStateContract {

    private static TestRedis server;
    private static RedisStore store;
    private static RedisShortLivedState state;

    @BeforeAll
    static void startRedis() throws IOException {
        server = new TestRedis();
        store = server.connect();
        state = new RedisShortLivedState(store);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        store.close();
        server.stop();
    }

    @Override
    protected AuthorizationCodes codes() {
        return state.authorizationCodes();
    }

    @Override
    protected PendingAuthorizations pendings() {
        return state.pendingAuthorizations();
    }

    @Override
    protected DeviceAuthorizations devices() {
        return state.deviceAuthorizations();
    }

    @Override
    protected WebSessions sessions() {
        return state.webSessions();
    }

    @Override
    protected RateLimiter rateLimiter() {
        return state.rateLimiter();
    }

    @Test
    void unreachableRedisFailsFastAsUnavailable() {
        assertThrows(StoreUnavailable.class, () -> new RedisStore("redis://127.0.0.1:1", Duration.ofMillis(300),
                Clock.systemUTC()));
    }

    @Test
    void aRedisThatGoesAwayIsUnavailableNotAHang() throws IOException {
        TestRedis shortLived = new TestRedis();
        try (RedisStore flaky = shortLived.connect(Duration.ofMillis(500))) {
            WebSessions sessions = new RedisShortLivedState(flaky).webSessions();
            shortLived.stop();
            long started = System.nanoTime();
            assertThrows(StoreUnavailable.class, () -> sessions.find(new MachineSecret("x").hash()));
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - started < 5_000_000_000L,
                    "fails within the command timeout");
        }
    }
}
