package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dynamically registered clients in the database, with the pre-registered clients from
 * configuration in front of them: those are found first and can be neither replaced nor removed.
 */
public final class JdbcClients implements Clients {

    static final String COLUMNS = "client_id, name, auth_method, secret_hash, redirect_uris, grant_types,"
            + " scopes, registration_token_hash, created_at";

    private final JdbcDatabase database;
    private final Map<String, OAuthClient> configured;

    public JdbcClients(JdbcDatabase database, List<OAuthClient> configured) {
        this.database = database;
        this.configured = configured.stream().collect(Collectors.toUnmodifiableMap(OAuthClient::clientId,
                Function.identity()));
    }

    @Override
    public Optional<OAuthClient> find(String clientId) {
        OAuthClient fromConfig = configured.get(clientId);
        if (fromConfig != null) {
            return Optional.of(fromConfig);
        }
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + COLUMNS + " FROM oauth_clients WHERE client_id = ? AND disabled = FALSE")) {
                select.setString(1, clientId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(client(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void add(OAuthClient client) {
        if (configured.containsKey(client.clientId())) {
            throw new IllegalArgumentException("client id is taken by a configured client");
        }
        database.run(session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO oauth_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, client);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public boolean replace(OAuthClient client) {
        if (configured.containsKey(client.clientId())) {
            return false;
        }
        return database.run(session -> {
            try (PreparedStatement update = session.prepare("UPDATE oauth_clients SET name = ?,"
                    + " auth_method = ?, secret_hash = ?, redirect_uris = ?, grant_types = ?, scopes = ?,"
                    + " registration_token_hash = ? WHERE client_id = ?")) {
                update.setString(1, client.name());
                update.setString(2, client.authMethod().wireName());
                update.setString(3, client.secretHash() == null ? null : client.secretHash().hex());
                update.setString(4, Lists.join(client.redirectUris().stream().map(RedirectUri::value).toList()));
                update.setString(5, Lists.join(client.grantTypes().stream().map(GrantType::wireName).toList()));
                update.setString(6, client.scopes().spaceDelimited());
                update.setString(7, client.registrationAccessTokenHash() == null ? null
                        : client.registrationAccessTokenHash().hex());
                update.setString(8, client.clientId());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean remove(String clientId) {
        if (configured.containsKey(clientId)) {
            return false;
        }
        return database.run(session -> {
            try (PreparedStatement delete = session.prepare("DELETE FROM oauth_clients WHERE client_id = ?")) {
                delete.setString(1, clientId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long countDynamic() {
        return database.run(session -> {
            try (PreparedStatement count = session.prepare("SELECT COUNT(*) FROM oauth_clients");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static void bind(PreparedStatement insert, OAuthClient client) throws SQLException {
        insert.setString(1, client.clientId());
        insert.setString(2, client.name());
        insert.setString(3, client.authMethod().wireName());
        insert.setString(4, client.secretHash() == null ? null : client.secretHash().hex());
        insert.setString(5, Lists.join(client.redirectUris().stream().map(RedirectUri::value).toList()));
        insert.setString(6, Lists.join(client.grantTypes().stream().map(GrantType::wireName).toList()));
        insert.setString(7, client.scopes().spaceDelimited());
        insert.setString(8, client.registrationAccessTokenHash() == null ? null
                : client.registrationAccessTokenHash().hex());
        Rows.setInstant(insert, 9, client.createdAt());
    }

    static OAuthClient client(ResultSet row) throws SQLException {
        String secret = row.getString("secret_hash");
        String registration = row.getString("registration_token_hash");
        return new OAuthClient(row.getString("client_id"), row.getString("name"),
                ClientAuthMethod.parse(row.getString("auth_method")), secret == null ? null : new SecretHash(secret),
                Lists.split(row.getString("redirect_uris")).stream().map(RedirectUri::new).toList(),
                Lists.split(row.getString("grant_types")).stream().map(GrantType::parse)
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                Scopes.parseSpaceDelimited(row.getString("scopes")),
                registration == null ? null : new SecretHash(registration), Rows.instant(row, "created_at"));
    }
}
