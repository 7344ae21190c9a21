package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.atLeast;
import static com.lanonasis.gateway.bootstrap.SettingRanges.notNegative;
import static com.lanonasis.gateway.bootstrap.SettingRanges.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The retention purge, {@code onasis.retention.*} (docs/admin.md), checked when bound. The schedule
 * itself ({@code interval}, {@code initial-delay}) is read by {@code @Scheduled}; it is checked here too.
 *
 * @param audit        {@code ONASIS_RETENTION_AUDIT}: audit rows older than this are deleted (positive)
 * @param requestLog   {@code ONASIS_RETENTION_REQUEST_LOG}: request-log rows older than this (positive)
 * @param interval     {@code ONASIS_RETENTION_INTERVAL}: how often a pass runs (positive)
 * @param initialDelay {@code onasis.retention.initial-delay}: the first pass after start-up (zero or more)
 * @param batchSize    {@code onasis.retention.batch-size}: rows per DELETE (≥ 1)
 * @param maxBatches   {@code onasis.retention.max-batches}: DELETEs per table and pass (≥ 1)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.retention")
public record RetentionProperties(@Bindable(defaultValue = "90d") Duration audit,
                                  @Bindable(defaultValue = "14d") Duration requestLog,
                                  @Bindable(defaultValue = "10m") Duration interval,
                                  @Bindable(defaultValue = "1m") Duration initialDelay,
                                  @Bindable(defaultValue = "1000") int batchSize,
                                  @Bindable(defaultValue = "100") int maxBatches) {

    public RetentionProperties {
        positive(audit, "ONASIS_RETENTION_AUDIT", "onasis.retention.audit", "90d");
        positive(requestLog, "ONASIS_RETENTION_REQUEST_LOG", "onasis.retention.request-log", "14d");
        positive(interval, "ONASIS_RETENTION_INTERVAL", "onasis.retention.interval", "10m");
        notNegative(initialDelay, "ONASIS_RETENTION_INITIAL_DELAY", "onasis.retention.initial-delay", "1m");
        atLeast(batchSize, 1, "ONASIS_RETENTION_BATCH_SIZE", "onasis.retention.batch-size");
        atLeast(maxBatches, 1, "ONASIS_RETENTION_MAX_BATCHES", "onasis.retention.max-batches");
    }
}
