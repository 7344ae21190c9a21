package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.redis.RedisProbe;
import com.lanonasis.gateway.adapters.persistence.redis.RedisStore;
import com.lanonasis.gateway.adapters.persistence.web.UpstreamReachability;
import com.lanonasis.gateway.application.health.ReadinessService;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import io.micronaut.context.annotation.Property;
import java.time.Duration;
import com.lanonasis.gateway.domain.health.Dependency;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Readiness over the dependencies this deployment is configured with: its databases, Redis if any, and upstream MCP servers. */
@Factory
final class HealthFactory {

    @Singleton
    ReadinessService readiness(Storage storage, @Nullable RedisStore redis, UseUpstreamUseCase upstreams,
                               @Property(name = "onasis.upstream.health-timeout", defaultValue = "2s")
                               Duration upstreamTimeout) {
        List<Dependency> dependencies = new ArrayList<>(storage.probes());
        if (redis != null) {
            dependencies.add(new RedisProbe(redis));
        }
        // each enabled upstream MCP server (issue 14), as the registry holds them at the time of the check
        return new ReadinessService(dependencies, () -> upstreams.all().stream().filter(Upstream::enabled)
                .<Dependency>map(upstream -> new UpstreamReachability(upstream, upstreamTimeout)).toList());
    }
}
