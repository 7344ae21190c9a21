package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.adapters.persistence.cache.CredentialCache;

/**
 * The credential caches' shared generation (docs/performance.md): one Redis counter that every
 * instance reads before using a cached credential record and advances when such a record changes.
 * Reading it on every lookup is what makes a revocation on one instance refused by the very next
 * request on any other; when Redis cannot answer, the caches are bypassed.
 */
public final class RedisCredentialGeneration implements CredentialCache.Generation {

    static final String KEY = RedisStore.PREFIX + "credential-generation";

    private final RedisStore redis;

    public RedisCredentialGeneration(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public long current() {
        String value = redis.call(c -> c.get(KEY));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public void advance() {
        redis.call(c -> c.incr(KEY));
    }
}
