package com.lanonasis.gateway.application.health;

import com.lanonasis.gateway.application.health.port.in.ReadinessUseCase;
import com.lanonasis.gateway.domain.health.Dependency;
import java.util.ArrayList;
import java.util.List;

public final class ReadinessService implements ReadinessUseCase {

    private final List<Dependency> dependencies;

    public ReadinessService(List<Dependency> dependencies) {
        this.dependencies = List.copyOf(dependencies);
    }

    @Override
    public Readiness check() {
        List<Check> checks = new ArrayList<>();
        for (Dependency dependency : dependencies) {
            long started = System.nanoTime();
            String error = null;
            try {
                dependency.check();
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            checks.add(new Check(dependency.name(), error == null, dependency.essential(),
                    (System.nanoTime() - started) / 1_000_000, error));
        }
        String status = checks.stream().anyMatch(c -> !c.up() && c.essential()) ? "down"
                : checks.stream().anyMatch(c -> !c.up()) ? "degraded" : "ok";
        return new Readiness(status, checks);
    }
}
