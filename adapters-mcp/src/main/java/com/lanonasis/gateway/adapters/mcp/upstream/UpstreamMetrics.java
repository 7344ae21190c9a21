package com.lanonasis.gateway.adapters.mcp.upstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-upstream meters (Prometheus at {@code /metrics}): {@code onasis_upstream_requests_total}
 * (upstream, outcome ok|error), {@code onasis_upstream_latency_seconds} (until the upstream's
 * response headers, or the stdio reply), {@code onasis_upstream_processes} (live stdio children).
 */
@Singleton
final class UpstreamMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> processes = new ConcurrentHashMap<>();
    private final Map<String, long[]> counts = new ConcurrentHashMap<>();

    UpstreamMetrics(@Nullable MeterRegistry meters) {
        this.meters = meters;
    }

    void record(String upstream, boolean ok, Duration latency) {
        long[] seen = counts.computeIfAbsent(upstream, name -> new long[2]);
        synchronized (seen) {
            seen[0]++;
            if (!ok) {
                seen[1]++;
            }
        }
        if (meters == null) {
            return;
        }
        Counter.builder("onasis.upstream.requests").tag("upstream", upstream).tag("outcome", ok ? "ok" : "error")
                .register(meters).increment();
        Timer.builder("onasis.upstream.latency").tag("upstream", upstream).register(meters).record(latency);
    }

    AtomicInteger processes(String upstream) {
        return processes.computeIfAbsent(upstream, name -> {
            AtomicInteger live = new AtomicInteger();
            if (meters != null) {
                Gauge.builder("onasis.upstream.processes", live, AtomicInteger::get).tag("upstream", name)
                        .register(meters);
            }
            return live;
        });
    }

    /** Requests and errors so far on this instance, for the health report. */
    long[] counts(String upstream) {
        long[] seen = counts.getOrDefault(upstream, new long[2]);
        synchronized (seen) {
            return seen.clone();
        }
    }
}
