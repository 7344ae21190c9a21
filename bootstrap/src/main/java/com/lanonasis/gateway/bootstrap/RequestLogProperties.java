package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.atLeast;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The request log, {@code onasis.request-log.*} (docs/admin.md), checked when bound. Whether it runs
 * ({@code enabled}) and which store is built ({@code store}) are still {@code @Requires} conditions;
 * the store is checked here so that a misspelt one stops start-up instead of leaving no store.
 *
 * @param queueCapacity   {@code ONASIS_REQUEST_LOG_QUEUE}: records waiting to be written (≥ 1)
 * @param batchSize       {@code onasis.request-log.batch-size}: records per INSERT batch (≥ 1)
 * @param store           {@code ONASIS_REQUEST_LOG_STORE}: database or redis
 * @param redisMaxRecords {@code ONASIS_REQUEST_LOG_REDIS_MAX}: records the redis store keeps (≥ 1)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.request-log")
public record RequestLogProperties(@Bindable(defaultValue = "10000") int queueCapacity,
                                   @Bindable(defaultValue = "500") int batchSize,
                                   @Bindable(defaultValue = "database") String store,
                                   @Bindable(defaultValue = "1000000") long redisMaxRecords) {

    public RequestLogProperties {
        atLeast(queueCapacity, 1, "ONASIS_REQUEST_LOG_QUEUE", "onasis.request-log.queue-capacity");
        atLeast(batchSize, 1, "ONASIS_REQUEST_LOG_BATCH_SIZE", "onasis.request-log.batch-size");
        if (!"database".equals(store) && !"redis".equals(store)) {
            throw new IllegalArgumentException("ONASIS_REQUEST_LOG_STORE (onasis.request-log.store) must be database "
                    + "or redis, not " + store);
        }
        atLeast(redisMaxRecords, 1, "ONASIS_REQUEST_LOG_REDIS_MAX", "onasis.request-log.redis-max-records");
    }
}
