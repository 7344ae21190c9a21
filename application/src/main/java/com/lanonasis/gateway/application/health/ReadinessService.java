package com.lanonasis.gateway.application.health;

import com.lanonasis.gateway.application.health.port.in.ReadinessUseCase;
import com.lanonasis.gateway.application.health.port.out.Dependency;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

public final class ReadinessService implements ReadinessUseCase {

    private final List<Dependency> dependencies;
    private final Supplier<List<Dependency>> changing;

    public ReadinessService(List<Dependency> dependencies) {
        this(dependencies, List::of);
    }

    /** @param changing dependencies that come and go at run time (upstream MCP servers), read at each check */
    public ReadinessService(List<Dependency> dependencies, Supplier<List<Dependency>> changing) {
        this.dependencies = List.copyOf(dependencies);
        this.changing = changing;
    }

    @Override
    public Readiness check() {
        List<Check> checks = new ArrayList<>();
        List<Dependency> all = new ArrayList<>(dependencies);
        all.addAll(changing.get());
        for (Dependency dependency : all) {
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
