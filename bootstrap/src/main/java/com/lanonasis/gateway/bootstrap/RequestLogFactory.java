package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcRequestLog;
import com.lanonasis.gateway.adapters.persistence.redis.RedisRequestLog;
import com.lanonasis.gateway.adapters.persistence.redis.RedisStore;
import com.lanonasis.gateway.application.requestlog.RequestLogService;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.requestlog.port.out.RequestLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The request log (issue 17): records queued by the edge's access-log filter and written in
 * batches by one writer thread to the identity database's {@code request_log} table, or to Redis
 * ({@code ONASIS_REQUEST_LOG_STORE=redis}).
 */
@Factory
final class RequestLogFactory {

    private static final String STORE = "onasis.request-log.store";

    @Singleton
    @Requires(property = STORE, value = "database", defaultValue = "database")
    RequestLog requestLogStore(JdbcDatabase database) {
        return new JdbcRequestLog(database);
    }

    /** {@code ONASIS_REQUEST_LOG_STORE=redis}: a capped sorted set in the shared Redis (docs/admin.md). */
    @Singleton
    @Requires(property = STORE, value = "redis")
    RequestLog redisRequestLog(@Nullable RedisStore redis, RequestLogProperties settings) {
        if (redis == null) {
            throw new IllegalStateException("ONASIS_REQUEST_LOG_STORE=redis needs ONASIS_EPHEMERAL=redis and ONASIS_REDIS_URL");
        }
        return new RedisRequestLog(redis, settings.redisMaxRecords());
    }

    /**
     * One service for both ports (recording and reading). Metrics: {@code onasis_request_log_dropped_total}
     * (queue full), {@code onasis_request_log_failed_total} (the store refused a batch),
     * {@code onasis_request_log_written_total} and the gauge {@code onasis_request_log_pending}.
     */
    @Singleton
    @Bean(preDestroy = "close")
    RequestLogService requestLog(RequestLog store, AuditLog audit, Clock clock,
                                 RequestLogProperties settings, @Nullable MeterRegistry meters) {
        RequestLogService service = new RequestLogService(store, audit, clock, settings.queueCapacity(),
                settings.batchSize());
        if (meters != null) {
            FunctionCounter.builder("onasis.request.log.dropped", service, RequestLogService::dropped)
                    .description("request records dropped because the queue was full").register(meters);
            FunctionCounter.builder("onasis.request.log.failed", service, RequestLogService::failed)
                    .description("request records lost because the store refused their batch").register(meters);
            FunctionCounter.builder("onasis.request.log.written", service, RequestLogService::written)
                    .description("request records stored").register(meters);
            Gauge.builder("onasis.request.log.pending", service, RequestLogService::pending)
                    .description("request records waiting to be written").register(meters);
        }
        return service;
    }
}
