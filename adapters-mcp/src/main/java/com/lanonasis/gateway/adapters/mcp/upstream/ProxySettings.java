package com.lanonasis.gateway.adapters.mcp.upstream;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How the gateway talks to upstreams ({@code onasis.upstream.*}): HTTP connect and request timeouts
 * as the seeds' proxy set them (30 s, 120 s; the request timeout runs until the upstream's response
 * headers, so a long SSE stream is not cut), and the stdio bridge's limits.
 */
@Singleton
final class ProxySettings {

    final Duration connectTimeout;
    final Duration requestTimeout;
    final Duration stdioIdleTimeout;
    final Duration stdioRequestTimeout;
    final int stdioMaxProcesses;
    final int stdioMaxPerUser;

    ProxySettings(@Value("${onasis.upstream.connect-timeout:30s}") Duration connectTimeout,
                  @Value("${onasis.upstream.request-timeout:120s}") Duration requestTimeout,
                  @Value("${onasis.upstream.stdio.idle-timeout:10m}") Duration stdioIdleTimeout,
                  @Value("${onasis.upstream.stdio.request-timeout:120s}") Duration stdioRequestTimeout,
                  @Value("${onasis.upstream.stdio.max-processes:32}") int stdioMaxProcesses,
                  @Value("${onasis.upstream.stdio.max-per-user:4}") int stdioMaxPerUser) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.stdioIdleTimeout = stdioIdleTimeout;
        this.stdioRequestTimeout = stdioRequestTimeout;
        this.stdioMaxProcesses = stdioMaxProcesses;
        this.stdioMaxPerUser = stdioMaxPerUser;
    }
}
