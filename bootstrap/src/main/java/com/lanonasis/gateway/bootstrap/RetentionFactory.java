package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcPurge;
import com.lanonasis.gateway.application.retention.RetentionService;
import com.lanonasis.gateway.application.retention.port.in.PurgeExpiredUseCase;
import com.lanonasis.gateway.domain.requestlog.port.out.RequestLog;
import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import com.lanonasis.gateway.domain.retention.RetentionRule;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The retention purge (issue 17): expired OAuth access and refresh tokens at once, audit rows after
 * {@code ONASIS_RETENTION_AUDIT}, request-log rows after {@code ONASIS_RETENTION_REQUEST_LOG}, in
 * batches, every {@code ONASIS_RETENTION_INTERVAL} on every instance (idempotent deletes, no lock).
 * Codes, device codes and browser sessions expire by themselves (Redis TTL, or the in-process sweep).
 */
@Factory
final class RetentionFactory {

    @Singleton
    RetentionService retention(JdbcDatabase database, RequestLog requestLogStore, Clock clock,
                               RetentionProperties settings) {
        return new RetentionService(List.of(
                new RetentionRule(JdbcPurge.accessTokens(database), Duration.ZERO),
                new RetentionRule(JdbcPurge.revokedTokens(database), Duration.ZERO),
                new RetentionRule(JdbcPurge.refreshTokens(database), Duration.ZERO),
                new RetentionRule(JdbcPurge.auditEvents(database), settings.audit()),
                new RetentionRule(requestLogStore instanceof Purgeable redis ? redis : JdbcPurge.requestLog(database),
                        settings.requestLog())), clock, settings.batchSize(), settings.maxBatches());
    }

    @Singleton
    @Requires(property = "onasis.retention.enabled", notEquals = "false")
    static final class PeriodicPurge {

        private final PurgeExpiredUseCase purge;

        PeriodicPurge(PurgeExpiredUseCase purge) {
            this.purge = purge;
        }

        @Scheduled(fixedDelay = "${onasis.retention.interval:10m}", initialDelay = "${onasis.retention.initial-delay:1m}")
        void run() {
            purge.purge();
        }
    }
}
