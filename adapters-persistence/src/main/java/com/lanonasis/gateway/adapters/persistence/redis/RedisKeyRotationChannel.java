package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every instance that the signing key changed: the instance that rotated publishes the new
 * kid (never key material) on one channel, and every instance, itself included, re-reads its
 * signing key from the database when it hears one. A lost notice (Redis down at that moment) is
 * caught up by the periodic re-read.
 */
public final class RedisKeyRotationChannel implements AutoCloseable {

    static final String CHANNEL = RedisStore.PREFIX + "signing-keys";
    private static final Logger LOG = LoggerFactory.getLogger(RedisKeyRotationChannel.class);

    private final RedisStore redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;

    public RedisKeyRotationChannel(RedisStore redis, Consumer<String> onRotated) {
        this.redis = redis;
        this.subscription = redis.pubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String kid) {
                try {
                    onRotated.accept(kid);
                } catch (RuntimeException e) {
                    LOG.warn("signing key {} announced but not loaded: {}", kid, e.toString());
                }
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    /** Publishes the kid of the key that signs now; a Redis failure is logged, the re-read interval catches up. */
    public void announce(String kid) {
        try {
            redis.call(c -> c.publish(CHANNEL, kid));
        } catch (StoreUnavailable e) {
            LOG.warn("signing key {} not announced to other instances (they re-read it on their interval): {}",
                    kid, e.getMessage());
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
