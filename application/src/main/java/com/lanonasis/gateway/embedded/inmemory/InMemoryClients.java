package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.clients.port.out.ClientDirectory;
import com.lanonasis.gateway.domain.clients.ClientListing;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * OAuth clients by id. A disabled client is not found by {@link #find} (it cannot authenticate or be
 * redirected to) but stays in the directory; as in the JDBC store, only registered clients are stored here.
 */
public final class InMemoryClients implements Clients {

    private record Row(OAuthClient client, boolean disabled) {
    }

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<String, Row> rows;

    public InMemoryClients(InMemoryDatabase database) {
        this.database = database;
        this.rows = database.table();
    }

    @Override
    public Optional<OAuthClient> find(String clientId) {
        return rows.get(clientId).filter(row -> !row.disabled()).map(Row::client);
    }

    @Override
    public void add(OAuthClient client) {
        if (!rows.insert(client.clientId(), new Row(client, false))) {
            throw new IllegalStateException("client id already taken: " + client.clientId());
        }
    }

    @Override
    public boolean replace(OAuthClient client) {
        return database.locked(() -> rows.get(client.clientId()).map(row -> {
            rows.put(client.clientId(), new Row(client, row.disabled()));
            return true;
        }).orElse(false));
    }

    @Override
    public boolean remove(String clientId) {
        return rows.remove(clientId).isPresent();
    }

    @Override
    public long countDynamic() {
        return rows.values().size();
    }

    /** The administrators' view of the same clients (its {@code find} also sees disabled ones). */
    public ClientDirectory directory() {
        return new ClientDirectory() {
            @Override
            public List<ClientListing> list(int offset, int limit) {
                return rows.values().stream().map(row -> new ClientListing(row.client(), false, row.disabled()))
                        .skip(offset).limit(limit).toList();
            }

            @Override
            public Optional<ClientListing> find(String clientId) {
                return rows.get(clientId).map(row -> new ClientListing(row.client(), false, row.disabled()));
            }

            @Override
            public boolean setDisabled(String clientId, boolean disabled, Instant at) {
                return database.locked(() -> rows.get(clientId).map(row -> {
                    rows.put(clientId, new Row(row.client(), disabled));
                    return true;
                }).orElse(false));
            }

            @Override
            public boolean delete(String clientId, Instant at) {
                return remove(clientId);
            }
        };
    }
}
