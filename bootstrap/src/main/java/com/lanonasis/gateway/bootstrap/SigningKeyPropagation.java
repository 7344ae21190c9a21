package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.crypto.JwtTokenSigner;
import com.lanonasis.gateway.adapters.persistence.redis.RedisKeyRotationChannel;
import com.lanonasis.gateway.adapters.persistence.redis.RedisStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signing-key rotation on one instance reaches the others: announced over Redis pub/sub when
 * {@code ONASIS_EPHEMERAL=redis} (every instance re-reads its key within milliseconds), and every
 * instance re-reads it every {@code onasis.oauth.signing-key-refresh} anyway (one indexed query),
 * which covers a notice lost while Redis was down and deployments without Redis.
 */
@Factory
final class SigningKeyPropagation {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyPropagation.class);

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "onasis.ephemeral", value = "redis")
    RedisKeyRotationChannel keyRotationChannel(RedisStore redis, JwtTokenSigner signer) {
        RedisKeyRotationChannel channel = new RedisKeyRotationChannel(redis, kid -> signer.refresh());
        signer.onRotation(channel::announce);
        return channel;
    }

    /**
     * Subscribes once the context has started, not as an eager bean: eager, it would be the first to
     * open Redis, on a cold client, before the Redis store's own start-up check.
     */
    @Singleton
    @Requires(property = "onasis.ephemeral", value = "redis")
    static final class Subscriber {

        private final BeanProvider<RedisKeyRotationChannel> channel;

        Subscriber(BeanProvider<RedisKeyRotationChannel> channel) {
            this.channel = channel;
        }

        @EventListener
        void subscribe(StartupEvent started) {
            channel.get();
        }
    }

    @Singleton
    static final class PeriodicRefresh {

        private final JwtTokenSigner signer;

        PeriodicRefresh(JwtTokenSigner signer) {
            this.signer = signer;
        }

        @Scheduled(fixedDelay = "${onasis.oauth.signing-key-refresh:30s}",
                initialDelay = "${onasis.oauth.signing-key-refresh:30s}")
        void refresh() {
            try {
                signer.refresh();
            } catch (RuntimeException e) {
                LOG.warn("signing key not re-read (kept the current one): {}", e.toString());
            }
        }
    }
}
