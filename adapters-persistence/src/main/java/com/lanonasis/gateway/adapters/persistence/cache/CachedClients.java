package com.lanonasis.gateway.adapters.persistence.cache;

import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import java.util.Optional;

/**
 * Registered OAuth clients by client id from {@link CredentialCache}, so that client authentication
 * (token, introspection, revocation) makes no SQL round trip. Disabling, deleting, or replacing a
 * client (secret rotation, redirect URIs, grants, scopes) updates or deletes its {@code oauth_clients}
 * row, which advances the shared generation: the next lookup on every instance reads the database.
 */
public final class CachedClients implements Clients {

    private final Clients store;
    private final CredentialCache.Region<String, OAuthClient> byId;

    public CachedClients(Clients store, CredentialCache cache) {
        this.store = store;
        this.byId = cache.region();
    }

    @Override
    public Optional<OAuthClient> find(String clientId) {
        return byId.get(clientId, () -> store.find(clientId));
    }

    @Override
    public void add(OAuthClient client) {
        store.add(client);
    }

    @Override
    public boolean replace(OAuthClient client) {
        return store.replace(client);
    }

    @Override
    public boolean remove(String clientId) {
        return store.remove(clientId);
    }

    @Override
    public long countDynamic() {
        return store.countDynamic();
    }
}
