package com.lanonasis.gateway.application.health.port.out;

/** Outgoing port: something the service needs at run time (a database, Redis), checked for readiness. */
public interface Dependency {

    String name();

    /** True when the service cannot do its work without it (down); false when it only degrades. */
    boolean essential();

    /** Returns when the dependency answers; throws {@code StoreUnavailable} when it does not. */
    void check();
}
