package com.lanonasis.gateway.adapters.persistence.memory;

import com.lanonasis.gateway.domain.codes.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.PendingAuthorizations;
import com.lanonasis.gateway.domain.identity.WebSessions;
import com.lanonasis.gateway.domain.shared.RateLimiter;
import java.time.Clock;

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
}
