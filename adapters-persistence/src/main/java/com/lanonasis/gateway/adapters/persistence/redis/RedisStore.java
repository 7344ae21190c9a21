package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.adapters.persistence.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * One Redis connection shared by the short-lived-state stores. Commands time out quickly, and
 * any Redis failure surfaces as {@link StoreUnavailable}: callers get a 503 at once, and Lettuce
 * reconnects by itself when Redis is back.
 */
public final class RedisStore implements AutoCloseable {

    static final String PREFIX = "onasis:";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final Clock clock;
    private final ObjectMapper json = Json.MAPPER;

    public RedisStore(String url, Duration commandTimeout, Clock clock) {
        RedisURI uri = RedisURI.create(url);
        // connecting (and the handshake) may take longer than a command on a busy host: a short command
        // timeout must not make start-up fail; commands then get the short one
        uri.setTimeout(commandTimeout.compareTo(CONNECT_TIMEOUT) > 0 ? commandTimeout : CONNECT_TIMEOUT);
        this.client = RedisClient.create(uri);
        this.clock = clock;
        try {
            this.connection = client.connect();
            connection.setTimeout(commandTimeout);
        } catch (RedisException e) {
            client.shutdown();
            throw new StoreUnavailable("cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort(), e);
        }
    }

    <T> T call(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(connection.sync());
        } catch (RedisException e) {
            throw new StoreUnavailable("Redis unavailable: " + e.getMessage(), e);
        }
    }

    /** A connection of its own for pub/sub (a subscribed connection cannot run other commands). */
    StatefulRedisPubSubConnection<String, String> pubSub() {
        try {
            return client.connectPubSub();
        } catch (RedisException e) {
            throw new StoreUnavailable("cannot open a Redis pub/sub connection: " + e.getMessage(), e);
        }
    }

    /** Milliseconds until {@code expiresAt}, at least 1 (Redis refuses a zero TTL). */
    long ttlMillis(Instant expiresAt) {
        return Math.max(1, Duration.between(clock.instant(), expiresAt).toMillis());
    }

    String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable", e);
        }
    }

    Map<String, Object> read(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable value in Redis", e);
        }
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
