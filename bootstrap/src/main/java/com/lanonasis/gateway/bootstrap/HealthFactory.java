package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.redis.RedisProbe;
import com.lanonasis.gateway.adapters.persistence.redis.RedisStore;
import com.lanonasis.gateway.adapters.persistence.web.UpstreamReachability;
import com.lanonasis.gateway.application.health.ReadinessService;
import com.lanonasis.gateway.application.memory.SemanticIndex;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.application.health.port.out.Dependency;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Readiness over the dependencies this deployment is configured with: its databases, Redis if any,
 * semantic search, and upstream MCP servers.
 */
@Factory
final class HealthFactory {

    @Singleton
    ReadinessService readiness(Storage storage, @Nullable RedisStore redis, SemanticIndex semantic,
                               UseUpstreamUseCase upstreams, UpstreamProperties settings) {
        Duration upstreamTimeout = settings.healthTimeout();
        List<Dependency> dependencies = new ArrayList<>(storage.probes());
        dependencies.add(new SemanticSearchCheck(semantic));
        if (redis != null) {
            dependencies.add(new RedisProbe(redis));
        }
        // each enabled upstream MCP server (issue 14), as the registry holds them at the time of the check
        return new ReadinessService(dependencies, () -> upstreams.all().stream().filter(Upstream::enabled)
                .<Dependency>map(upstream -> new UpstreamReachability(upstream, upstreamTimeout)).toList());
    }

    /**
     * Semantic search: down (not essential: search still answers by words) when it runs text-only,
     * while the model is loading in the background, or when it could not be loaded.
     */
    private record SemanticSearchCheck(SemanticIndex semantic) implements Dependency {

        @Override
        public String name() {
            return "semantic-search";
        }

        @Override
        public boolean essential() {
            return false;
        }

        @Override
        public void check() {
            semantic.problem().ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
    }
}
