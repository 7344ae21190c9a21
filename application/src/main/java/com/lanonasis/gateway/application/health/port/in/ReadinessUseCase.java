package com.lanonasis.gateway.application.health.port.in;

import java.util.List;

public interface ReadinessUseCase {

    /** Checks every dependency now. */
    Readiness check();

    /** {@code ok}, {@code degraded} (a non-essential dependency is down) or {@code down}. */
    record Readiness(String status, List<Check> checks) {
        public Readiness {
            checks = List.copyOf(checks);
        }
    }

    /** @param error why it is down; null when up */
    record Check(String name, boolean up, boolean essential, long latencyMillis, String error) {
    }
}
