package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryWebSessions implements WebSessions {

    private final ExpiringMap<SecretHash, WebSession> sessions;
    /** Which session hashes belong to whom; entries of ended sessions are dropped when the user's list is read. */
    private final ConcurrentHashMap<UserId, Set<SecretHash>> byUser = new ConcurrentHashMap<>();
    private static final int SWEEP_EVERY = 1024;
    private final AtomicLong adds = new AtomicLong();

    public InMemoryWebSessions(Clock clock) {
        this.sessions = new ExpiringMap<>(clock);
    }

    @Override
    public void add(WebSession session) {
        sessions.put(session.idHash(), session, session.expiresAt());
        // compute: atomic per user, so a sweep cannot drop the set while this adds to it
        byUser.compute(session.userId(), (user, hashes) -> {
            Set<SecretHash> kept = hashes == null ? ConcurrentHashMap.newKeySet() : hashes;
            kept.add(session.idHash());
            return kept;
        });
        if (adds.incrementAndGet() % SWEEP_EVERY == 0) {
            // forget the index entries of sessions that ended, also of people who never list theirs
            for (UserId user : byUser.keySet()) {
                byUser.computeIfPresent(user, (key, hashes) -> {
                    hashes.removeIf(hash -> sessions.get(hash).isEmpty());
                    return hashes.isEmpty() ? null : hashes;
                });
            }
        }
    }

    @Override
    public Optional<WebSession> find(SecretHash idHash) {
        return sessions.get(idHash);
    }

    @Override
    public void remove(SecretHash idHash) {
        sessions.remove(idHash).ifPresent(gone -> {
            Set<SecretHash> hashes = byUser.get(gone.userId());
            if (hashes != null) {
                hashes.remove(idHash);
            }
        });
    }

    @Override
    public List<WebSession> ofUser(UserId user) {
        Set<SecretHash> hashes = byUser.get(user);
        if (hashes == null) {
            return List.of();
        }
        hashes.removeIf(hash -> sessions.get(hash).isEmpty());
        return hashes.stream().map(sessions::get).flatMap(Optional::stream)
                .sorted(Comparator.comparing(WebSession::createdAt).reversed().thenComparing(WebSession::publicId))
                .toList();
    }

    @Override
    public void seen(SecretHash idHash, Instant at) {
        sessions.update(idHash, (hash, session) -> session.seenAt(at));
    }
}
