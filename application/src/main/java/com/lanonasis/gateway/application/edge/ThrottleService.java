package com.lanonasis.gateway.application.edge;

import com.lanonasis.gateway.application.edge.port.in.ThrottleUseCase;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import java.time.Duration;

public final class ThrottleService implements ThrottleUseCase {

    private final RateLimiter limiter;

    public ThrottleService(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Throttle count(String key, int limit, Duration window) {
        try {
            RateLimiter.Count count = limiter.acquire("edge:" + key, limit, window);
            return new Throttle(count.allowed(), limit, count.remaining(), count.resetIn());
        } catch (StoreUnavailable e) {
            return new Throttle(true, limit, limit, window);
        }
    }

    /** Allowed while the window has room for one more call. */
    @Override
    public Throttle peek(String key, int limit, Duration window) {
        try {
            RateLimiter.Count count = limiter.peek("edge:" + key, limit, window);
            return new Throttle(count.calls() < limit, limit, count.remaining(), count.resetIn());
        } catch (StoreUnavailable e) {
            return new Throttle(true, limit, limit, window);
        }
    }
}
