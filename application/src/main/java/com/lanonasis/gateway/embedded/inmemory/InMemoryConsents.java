package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.clients.Consent;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What each user granted each client; a new grant adds to the scopes granted before. */
public final class InMemoryConsents implements Consents {

    private record Key(UserId user, String clientId) {
    }

    private final InMemoryDatabase database;
    private final Clock clock;
    private final InMemoryDatabase.Table<Key, Consent> consents;

    public InMemoryConsents(InMemoryDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.consents = database.table();
    }

    @Override
    public boolean covers(UserId user, String clientId, Scopes requested) {
        return consents.get(new Key(user, clientId))
                .map(consent -> consent.scopes().values().containsAll(requested.values())).orElse(false);
    }

    @Override
    public void grant(UserId user, String clientId, Scopes scopes) {
        database.locked(() -> {
            Key key = new Key(user, clientId);
            Set<Scope> merged = new HashSet<>(scopes.values());
            consents.get(key).ifPresent(previous -> merged.addAll(previous.scopes().values()));
            consents.put(key, new Consent(clientId, Scopes.of(merged), clock.instant()));
        });
    }

    @Override
    public List<Consent> of(UserId user) {
        return consents.entries().stream().filter(entry -> entry.getKey().user().equals(user))
                .map(java.util.Map.Entry::getValue)
                .sorted(Comparator.comparing(Consent::grantedAt).reversed().thenComparing(Consent::clientId))
                .toList();
    }

    @Override
    public boolean withdraw(UserId user, String clientId) {
        return consents.remove(new Key(user, clientId)).isPresent();
    }
}
