package com.lanonasis.gateway.adapters.persistence.memory;

import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.WebSessions;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.time.Clock;
import java.util.Optional;

public final class InMemoryWebSessions implements WebSessions {

    private final ExpiringMap<SecretHash, WebSession> sessions;

    public InMemoryWebSessions(Clock clock) {
        this.sessions = new ExpiringMap<>(clock);
    }

    @Override
    public void add(WebSession session) {
        sessions.put(session.idHash(), session, session.expiresAt());
    }

    @Override
    public Optional<WebSession> find(SecretHash idHash) {
        return sessions.get(idHash);
    }

    @Override
    public void remove(SecretHash idHash) {
        sessions.remove(idHash);
    }
}
