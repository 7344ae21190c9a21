package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.redis.RedisProbe;
import com.lanonasis.gateway.adapters.persistence.redis.RedisStore;
import com.lanonasis.gateway.application.health.ReadinessService;
import com.lanonasis.gateway.application.memory.SemanticIndex;
import com.lanonasis.gateway.domain.health.Dependency;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Readiness over the dependencies this deployment is configured with: its databases, and Redis if any. */
@Factory
final class HealthFactory {

    @Singleton
    ReadinessService readiness(Storage storage, @Nullable RedisStore redis, SemanticIndex semantic) {
        List<Dependency> dependencies = new ArrayList<>(storage.probes());
        dependencies.add(new SemanticSearchCheck(semantic));
        if (redis != null) {
            dependencies.add(new RedisProbe(redis));
        }
        return new ReadinessService(dependencies);
    }

    /** Semantic search: down (not essential: search still answers by words) when it runs text-only. */
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
            if (!semantic.enabled()) {
                throw new IllegalStateException("no embedding model: search runs on text only");
            }
        }
    }
}
