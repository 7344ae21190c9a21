package com.lanonasis.gateway.adapters.persistence.memory;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAuthorizationCodes;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDeviceAuthorizations;
import com.lanonasis.gateway.embedded.inmemory.InMemoryPendingAuthorizations;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRateLimiter;
import com.lanonasis.gateway.embedded.inmemory.InMemoryWebSessions;

import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryShortLivedStateTest extends ShortLivedStateContract {

    private final Clock clock = Clock.systemUTC();
    private final AuthorizationCodes codes = new InMemoryAuthorizationCodes(clock);
    private final PendingAuthorizations pendings = new InMemoryPendingAuthorizations(clock);
    private final DeviceAuthorizations devices = new InMemoryDeviceAuthorizations(clock);
    private final WebSessions sessions = new InMemoryWebSessions(clock);
    private final RateLimiter rateLimiter = new InMemoryRateLimiter(clock);

    @Override
    protected AuthorizationCodes codes() {
        return codes;
    }

    @Override
    protected PendingAuthorizations pendings() {
        return pendings;
    }

    @Override
    protected DeviceAuthorizations devices() {
        return devices;
    }

    @Override
    protected WebSessions sessions() {
        return sessions;
    }

    @Override
    protected RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** A flood of short-window keys must not reset a long window that is still running (a lock-out). */
    @Test
    void aFloodOfKeysDoesNotForgetALongWindow() {
        rateLimiter.acquire("lock-out", 3, Duration.ofMinutes(15));
        rateLimiter.acquire("lock-out", 3, Duration.ofMinutes(15));
        for (int i = 0; i < 10_050; i++) {
            rateLimiter.acquire("flood-" + i, 5, Duration.ofMinutes(1));
        }
        assertEquals(2, rateLimiter.peek("lock-out", 3, Duration.ofMinutes(15)).calls());
    }
}
