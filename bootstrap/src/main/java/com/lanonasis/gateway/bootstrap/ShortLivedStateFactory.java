package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAuthorizationCodes;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDeviceAuthorizations;
import com.lanonasis.gateway.embedded.inmemory.InMemoryPendingAuthorizations;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRateLimiter;
import com.lanonasis.gateway.embedded.inmemory.InMemoryWebSessions;
import com.lanonasis.gateway.embedded.inmemory.InProcessMemoryEvents;
import com.lanonasis.gateway.adapters.persistence.redis.RedisMemoryEvents;
import com.lanonasis.gateway.adapters.persistence.redis.RedisShortLivedState;
import com.lanonasis.gateway.adapters.persistence.redis.RedisStore;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Codes, pending consents, device codes, browser sessions, rate-limit windows and memory events: in this process by default
 * ({@code ONASIS_EPHEMERAL=memory}, one instance), or in Redis ({@code ONASIS_EPHEMERAL=redis},
 * shared by every instance).
 */
@Factory
final class ShortLivedStateFactory {

    private static final String KIND = "onasis.ephemeral";

    @Singleton
    @Requires(property = KIND, value = "memory", defaultValue = "memory")
    AuthorizationCodes inMemoryCodes(Clock clock) {
        return new InMemoryAuthorizationCodes(clock);
    }

    @Singleton
    @Requires(property = KIND, value = "memory", defaultValue = "memory")
    PendingAuthorizations inMemoryPendings(Clock clock) {
        return new InMemoryPendingAuthorizations(clock);
    }

    @Singleton
    @Requires(property = KIND, value = "memory", defaultValue = "memory")
    DeviceAuthorizations inMemoryDevices(Clock clock) {
        return new InMemoryDeviceAuthorizations(clock);
    }

    @Singleton
    @Requires(property = KIND, value = "memory", defaultValue = "memory")
    WebSessions inMemorySessions(Clock clock) {
        return new InMemoryWebSessions(clock);
    }

    @Singleton
    @Requires(property = KIND, value = "memory", defaultValue = "memory")
    RateLimiter inMemoryRateLimiter(Clock clock) {
        return new InMemoryRateLimiter(clock);
    }

    @Singleton
    @Requires(property = KIND, value = "redis")
    RateLimiter redisRateLimiter(RedisShortLivedState state) {
        return state.rateLimiter();
    }

    @Singleton
    @Requires(property = KIND, value = "memory", defaultValue = "memory")
    MemoryEvents inProcessEvents(Clock clock, ShortLivedStateProperties settings) {
        return new InProcessMemoryEvents(clock, settings.events().retention());
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = KIND, value = "redis")
    RedisMemoryEvents redisEvents(RedisStore redis, Clock clock, ShortLivedStateProperties settings) {
        Duration retention = settings.events().retention();
        return new RedisMemoryEvents(redis, new InProcessMemoryEvents(clock, retention), retention);
    }

    /** Eager, so an unreachable Redis stops the start-up with a clear message. */
    @Context
    @Bean(preDestroy = "close")
    @Requires(property = KIND, value = "redis")
    RedisStore redis(RedisProperties settings, Clock clock) {
        return new RedisStore(settings.url(), settings.commandTimeout(), clock);
    }

    @Singleton
    @Requires(property = KIND, value = "redis")
    RedisShortLivedState redisState(RedisStore redis) {
        return new RedisShortLivedState(redis);
    }

    @Singleton
    @Requires(property = KIND, value = "redis")
    AuthorizationCodes redisCodes(RedisShortLivedState state) {
        return state.authorizationCodes();
    }

    @Singleton
    @Requires(property = KIND, value = "redis")
    PendingAuthorizations redisPendings(RedisShortLivedState state) {
        return state.pendingAuthorizations();
    }

    @Singleton
    @Requires(property = KIND, value = "redis")
    DeviceAuthorizations redisDevices(RedisShortLivedState state) {
        return state.deviceAuthorizations();
    }

    @Singleton
    @Requires(property = KIND, value = "redis")
    WebSessions redisSessions(RedisShortLivedState state) {
        return state.webSessions();
    }
}
