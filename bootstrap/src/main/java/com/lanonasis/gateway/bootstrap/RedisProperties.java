package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The Redis of {@code ONASIS_EPHEMERAL=redis} ({@code onasis.redis.*}); bound only when Redis is used
 * (so a stray value is not checked when it is not), and then checked when bound.
 *
 * @param url            {@code ONASIS_REDIS_URL}: a redis://, rediss:// (or redis-socket://, redis-sentinel://) URL
 * @param commandTimeout {@code ONASIS_REDIS_TIMEOUT}: one command waits at most this long (positive)
 */
@ConfigurationProperties("onasis.redis")
record RedisProperties(@Bindable(defaultValue = "redis://localhost:6379") String url,
                       @Bindable(defaultValue = "500ms") Duration commandTimeout) {

    RedisProperties {
        String scheme;
        try {
            scheme = url == null ? null : URI.create(url.strip()).getScheme();
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).startsWith("redis")) {
            // the URL may hold a password: never echo it
            throw new IllegalArgumentException("ONASIS_REDIS_URL (onasis.redis.url) must be a redis:// or rediss:// URL");
        }
        if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("ONASIS_REDIS_TIMEOUT (onasis.redis.command-timeout) must be a positive"
                    + " duration such as 500ms, not " + commandTimeout);
        }
    }
}
