package com.lanonasis.gateway.adapters.mcp.upstream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the gateway talks to upstreams ({@code onasis.upstream.*}), bound once and checked when bound: HTTP
 * connect and request timeouts as the seeds' proxy set them (30 s, 120 s; the request timeout runs until the
 * upstream's response headers, so a long SSE stream is not cut), and the stdio bridge's limits. A value out of
 * range stops start-up with one line naming its environment variable.
 *
 * @param connectTimeout {@code ONASIS_UPSTREAM_CONNECT_TIMEOUT}: positive
 * @param requestTimeout {@code ONASIS_UPSTREAM_REQUEST_TIMEOUT}: positive
 * @param stdio          {@code onasis.upstream.stdio.*}
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.upstream")
record ProxySettings(@Bindable(defaultValue = "30s") Duration connectTimeout,
                     @Bindable(defaultValue = "120s") Duration requestTimeout,
                     Stdio stdio) {

    ProxySettings {
        positive("ONASIS_UPSTREAM_CONNECT_TIMEOUT (onasis.upstream.connect-timeout)", connectTimeout);
        positive("ONASIS_UPSTREAM_REQUEST_TIMEOUT (onasis.upstream.request-timeout)", requestTimeout);
        stdio = stdio == null ? new Stdio(Duration.ofMinutes(10), Duration.ofSeconds(120), 32, 4) : stdio;
    }

    /**
     * The stdio bridge, {@code onasis.upstream.stdio.*}.
     *
     * @param idleTimeout    {@code ONASIS_UPSTREAM_STDIO_IDLE_TIMEOUT}: a process unused this long ends (positive)
     * @param requestTimeout {@code ONASIS_UPSTREAM_STDIO_REQUEST_TIMEOUT}: a reply waited for at most this long (positive)
     * @param maxProcesses   {@code ONASIS_UPSTREAM_STDIO_MAX_PROCESSES}: processes in all (≥ 1)
     * @param maxPerUser     {@code ONASIS_UPSTREAM_STDIO_MAX_PER_USER}: processes per user (≥ 1)
     */
    @ConfigurationProperties("stdio")
    record Stdio(@Bindable(defaultValue = "10m") Duration idleTimeout,
                 @Bindable(defaultValue = "120s") Duration requestTimeout,
                 @Bindable(defaultValue = "32") int maxProcesses,
                 @Bindable(defaultValue = "4") int maxPerUser) {

        Stdio {
            positive("ONASIS_UPSTREAM_STDIO_IDLE_TIMEOUT (onasis.upstream.stdio.idle-timeout)", idleTimeout);
            positive("ONASIS_UPSTREAM_STDIO_REQUEST_TIMEOUT (onasis.upstream.stdio.request-timeout)", requestTimeout);
            atLeastOne("ONASIS_UPSTREAM_STDIO_MAX_PROCESSES (onasis.upstream.stdio.max-processes)", maxProcesses);
            atLeastOne("ONASIS_UPSTREAM_STDIO_MAX_PER_USER (onasis.upstream.stdio.max-per-user)", maxPerUser);
        }
    }

    private static void positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration such as 30s, not " + value);
        }
    }

    private static void atLeastOne(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, not " + value);
        }
    }
}
