package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.embedded.inmemory.InProcessMemoryEvents;
import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import com.lanonasis.gateway.domain.shared.UserId;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory events across instances: each event is kept in its owner's Redis list (the last 100,
 * for resumption by any instance) and published on one channel that every instance subscribes
 * to and hands to its own listeners. Lettuce re-subscribes by itself after a Redis outage.
 */
public final class RedisMemoryEvents implements MemoryEvents, AutoCloseable {

    static final String CHANNEL = RedisStore.PREFIX + "memory-events";
    private static final Logger LOG = LoggerFactory.getLogger(RedisMemoryEvents.class);
    private static final String PUBLISH = """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return redis.call('PUBLISH', KEYS[2], ARGV[1])
            """;
    private static final int KEPT = 100;

    private final RedisStore redis;
    private final InProcessMemoryEvents local;
    private final Duration retention;
    private final StatefulRedisPubSubConnection<String, String> subscription;

    public RedisMemoryEvents(RedisStore redis, InProcessMemoryEvents local, Duration retention) {
        this.redis = redis;
        this.local = local;
        this.retention = retention;
        this.subscription = redis.pubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    local.deliver(decode(message));
                } catch (RuntimeException e) {
                    LOG.warn("unreadable memory event on {}: {}", channel, e.toString());
                }
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    @Override
    public void publish(MemoryEvent event) {
        String json = redis.write(encode(event));
        try {
            redis.call(c -> c.eval(PUBLISH, ScriptOutputType.INTEGER, new String[] {key(event.owner()), CHANNEL},
                    json, String.valueOf(retention.toMillis()), String.valueOf(KEPT)));
        } catch (StoreUnavailable e) {
            LOG.warn("memory event {} reached only this instance: {}", event.id(), e.getMessage());
            local.deliver(event);
        }
    }

    @Override
    public AutoCloseable subscribe(UserId owner, String afterEventId, Consumer<MemoryEvent> listener) {
        Consumer<MemoryEvent> once = InProcessMemoryEvents.deduplicating(listener);
        AutoCloseable live = local.subscribe(owner, null, once);
        if (afterEventId != null) {
            List<String> kept = redis.call(c -> c.lrange(key(owner), 0, -1));
            Instant cutoff = redis.clock().instant().minus(retention);
            kept.stream().map(this::decode)
                    .filter(event -> event.after(afterEventId) && event.at().isAfter(cutoff))
                    .forEach(once);
        }
        return live;
    }

    @Override
    public void close() {
        subscription.close();
    }

    private static String key(UserId owner) {
        return RedisStore.PREFIX + "memory-events:" + owner;
    }

    private static Map<String, Object> encode(MemoryEvent event) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", event.id());
        value.put("owner", event.owner().toString());
        value.put("kind", event.kind().name());
        value.put("memory_id", event.memoryId().toString());
        value.put("title", event.title());
        value.put("at", event.at().toString());
        return value;
    }

    private MemoryEvent decode(String json) {
        Map<String, Object> value = redis.read(json);
        return new MemoryEvent((String) value.get("id"), UserId.parse((String) value.get("owner")),
                MemoryEvent.Kind.valueOf((String) value.get("kind")), MemoryId.parse("memory_id",
                (String) value.get("memory_id")), (String) value.get("title"), Instant.parse((String) value.get("at")));
    }
}
