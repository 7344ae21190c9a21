package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.application.health.port.out.Dependency;

/** Redis is ready when it answers PING; without it the service degrades (logins, codes, events) but serves memories. */
public final class RedisProbe implements Dependency {

    private final RedisStore redis;

    public RedisProbe(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public void check() {
        redis.call(commands -> commands.ping());
    }
}
