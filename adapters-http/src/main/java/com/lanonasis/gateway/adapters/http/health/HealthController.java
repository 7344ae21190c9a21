package com.lanonasis.gateway.adapters.http.health;

import com.lanonasis.gateway.application.health.port.in.ReadinessUseCase;
import com.lanonasis.gateway.application.health.port.in.ReadinessUseCase.Readiness;
import com.lanonasis.gateway.application.memory.port.in.SearchStatusUseCase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness ({@code /health}: the process answers), readiness ({@code /health/full}: every
 * database and Redis, 503 when an essential one is down, {@code degraded} when only Redis is),
 * {@code /api/v1/status} (version, uptime) and Prometheus metrics ({@code /metrics}).
 */
@Controller
final class HealthController {

    private static final Instant STARTED = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    private final ReadinessUseCase readiness;
    private final PrometheusMeterRegistry metrics;
    private final String version;
    private final SearchStatusUseCase search;

    HealthController(ReadinessUseCase readiness, @Nullable PrometheusMeterRegistry metrics,
                     @Value("${onasis.version:unknown}") String version, @Nullable SearchStatusUseCase search) {
        this.readiness = readiness;
        this.search = search;
        this.metrics = metrics;
        this.version = version;
    }

    @Get(uris = {"/health", "/api/v1/health"})
    Map<String, Object> health() {
        return Map.of("status", "ok", "service", "onasis-gateway", "timestamp", Instant.now().toString());
    }

    @Get(uris = {"/health/full", "/api/v1/health/full"})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, Object>> full() {
        Readiness report = readiness.check();
        Map<String, Object> checks = new LinkedHashMap<>();
        report.checks().forEach(check -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", check.up() ? "up" : "down");
            entry.put("essential", check.essential());
            entry.put("latency_ms", check.latencyMillis());
            if (check.error() != null) {
                entry.put("error", check.error());
            }
            checks.put(check.name(), entry);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status());
        body.put("service", "onasis-gateway");
        body.put("version", version);
        body.put("timestamp", Instant.now().toString());
        body.put("checks", checks);
        return HttpResponse.status("down".equals(report.status()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .body(body);
    }

    @Get("/api/v1/status")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "onasis-gateway");
        body.put("version", version);
        body.put("started_at", STARTED.toString());
        body.put("uptime_seconds", Duration.between(STARTED, Instant.now()).toSeconds());
        if (search != null) {
            SearchStatusUseCase.SearchStatus status = search.searchStatus();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("mode", status.semantic() ? "hybrid" : "text");
            view.put("model", status.model());
            view.put("dimensions", status.semantic() ? status.dimensions() : null);
            view.put("embedded", status.embedded());
            view.put("pending", status.pending());
            body.put("search", view);
        }
        return body;
    }

    @Get(value = "/metrics", produces = "text/plain; version=0.0.4; charset=utf-8")
    HttpResponse<String> metrics() {
        return metrics == null ? HttpResponse.notFound() : HttpResponse.ok(metrics.scrape());
    }
}
