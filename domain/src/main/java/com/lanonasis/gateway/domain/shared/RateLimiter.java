package com.lanonasis.gateway.domain.shared;

import java.time.Duration;

/** Outgoing port: counts calls per key in fixed windows, shared by every instance where the store is. */
public interface RateLimiter {

    /**
     * Counts one call for {@code key}.
     *
     * @return how long to wait before the next call is allowed; zero when this one is
     */
    Duration acquire(String key, int limit, Duration window);
}
