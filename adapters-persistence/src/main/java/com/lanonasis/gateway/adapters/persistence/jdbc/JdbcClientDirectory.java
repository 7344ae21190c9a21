package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.clients.port.out.ClientDirectory;
import com.lanonasis.gateway.domain.clients.ClientListing;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The clients table as administrators see it, with the configured clients (read-only) in front. */
public final class JdbcClientDirectory implements ClientDirectory {

    private final JdbcDatabase database;
    private final java.time.Duration accessTokenLifetime;
    private final List<OAuthClient> configured;

    public JdbcClientDirectory(JdbcDatabase database, List<OAuthClient> configured) {
        this(database, configured, DEFAULT_TOKEN_LIFETIME);
    }

    /** What the admin's client-wide revocation of self-contained tokens assumes without a lifetime: a day. */
    static final java.time.Duration DEFAULT_TOKEN_LIFETIME = java.time.Duration.ofDays(1);

    /**
     * @param accessTokenLifetime how long an access token lives: disabling or deleting a client lists it
     *                            on the deny-list of self-contained tokens for that long
     */
    public JdbcClientDirectory(JdbcDatabase database, List<OAuthClient> configured,
                               java.time.Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
        this.database = database;
        this.configured = configured.stream().sorted(Comparator.comparing(OAuthClient::clientId)).toList();
    }

    @Override
    public List<ClientListing> list(int offset, int limit) {
        List<ClientListing> page = new ArrayList<>();
        for (int i = offset; i < configured.size() && page.size() < limit; i++) {
            page.add(new ClientListing(configured.get(i), true, false));
        }
        int remaining = limit - page.size();
        if (remaining == 0) {
            return page;
        }
        int registeredOffset = Math.max(0, offset - configured.size());
        database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + JdbcClients.COLUMNS + ", disabled"
                    + " FROM oauth_clients ORDER BY created_at, client_id LIMIT ? OFFSET ?")) {
                select.setInt(1, remaining);
                select.setInt(2, registeredOffset);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        page.add(new ClientListing(JdbcClients.client(row), false, row.getBoolean("disabled")));
                    }
                }
                return page;
            }
        });
        return page;
    }

    @Override
    public Optional<ClientListing> find(String clientId) {
        Optional<OAuthClient> fromConfig = configured.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
        if (fromConfig.isPresent()) {
            return Optional.of(new ClientListing(fromConfig.get(), true, false));
        }
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + JdbcClients.COLUMNS + ", disabled"
                    + " FROM oauth_clients WHERE client_id = ?")) {
                select.setString(1, clientId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new ClientListing(JdbcClients.client(row), false, row.getBoolean("disabled")))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean setDisabled(String clientId, boolean disabled, Instant at) {
        return database.alwaysCommit(() -> database.run(session -> {
            boolean found;
            try (PreparedStatement update = session.prepare("UPDATE oauth_clients SET disabled = ? WHERE client_id = ?")) {
                update.setBoolean(1, disabled);
                update.setString(2, clientId);
                found = update.executeUpdate() == 1;
            }
            if (found && disabled) {
                revokeTokens(session, clientId, at, accessTokenLifetime);
            }
            return found;
        }));
    }

    @Override
    public boolean delete(String clientId, Instant at) {
        return database.alwaysCommit(() -> database.run(session -> {
            boolean found;
            try (PreparedStatement delete = session.prepare("DELETE FROM oauth_clients WHERE client_id = ?")) {
                delete.setString(1, clientId);
                found = delete.executeUpdate() == 1;
            }
            if (found) {
                revokeTokens(session, clientId, at, accessTokenLifetime);
                try (PreparedStatement consents = session.prepare("DELETE FROM oauth_consents WHERE client_id = ?")) {
                    consents.setString(1, clientId);
                    consents.executeUpdate();
                }
            }
            return found;
        }));
    }

    private static void revokeTokens(Session session, String clientId, Instant at, java.time.Duration lifetime)
            throws java.sql.SQLException {
        JdbcRevokedAccessTokens.revokeClient(session, clientId, at, lifetime);
        for (String table : List.of("oauth_access_tokens", "oauth_refresh_tokens")) {
            try (PreparedStatement update = session.prepare(
                    "UPDATE " + table + " SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL")) {
                Rows.setInstant(update, 1, at);
                update.setString(2, clientId);
                update.executeUpdate();
            }
        }
    }
}
