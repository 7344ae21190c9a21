package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The upstream MCP servers' registry and readiness, {@code onasis.upstream.*} (the servers themselves are
 * {@code onasis.upstreams}, {@link ConfiguredUpstream}), checked when bound.
 *
 * @param refreshEvery  {@code onasis.upstream.refresh-every}: the registry re-reads administered upstreams this often (positive)
 * @param healthTimeout {@code onasis.upstream.health-timeout}: /health/full waits this long for each upstream (positive)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.upstream")
public record UpstreamProperties(@Bindable(defaultValue = "5s") Duration refreshEvery,
                                 @Bindable(defaultValue = "2s") Duration healthTimeout) {

    public UpstreamProperties {
        positive(refreshEvery, "ONASIS_UPSTREAM_REFRESH_EVERY", "onasis.upstream.refresh-every", "5s");
        positive(healthTimeout, "ONASIS_UPSTREAM_HEALTH_TIMEOUT", "onasis.upstream.health-timeout", "2s");
    }
}
