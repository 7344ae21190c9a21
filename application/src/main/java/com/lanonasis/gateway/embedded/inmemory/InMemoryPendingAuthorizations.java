package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import java.time.Clock;
import java.util.Optional;

public final class InMemoryPendingAuthorizations implements PendingAuthorizations {

    private final ExpiringMap<String, PendingAuthorization> pending;

    public InMemoryPendingAuthorizations(Clock clock) {
        this.pending = new ExpiringMap<>(clock);
    }

    @Override
    public void add(PendingAuthorization authorization) {
        pending.put(authorization.id(), authorization, authorization.expiresAt());
    }

    @Override
    public Optional<PendingAuthorization> take(String id) {
        return pending.remove(id);
    }

    @Override
    public Optional<PendingAuthorization> find(String id) {
        return pending.get(id);
    }
}
