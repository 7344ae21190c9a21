package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcApiKeys implements ApiKeys {

    private static final String COLUMNS =
            "id, user_id, name, scopes, secret_hash, created_at, expires_at, last_used_at, revoked_at,"
                    + " previous_secret_hash, previous_secret_until";

    private final JdbcDatabase database;

    public JdbcApiKeys(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void add(ApiKey key) {
        database.run(session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.id().value());
                insert.setObject(2, key.owner().value());
                insert.setString(3, key.name());
                insert.setString(4, key.scopes().spaceDelimited());
                insert.setString(5, key.secretHash().hex());
                Rows.setInstant(insert, 6, key.createdAt());
                Rows.setInstant(insert, 7, key.expiresAt());
                Rows.setInstant(insert, 8, key.lastUsedAt());
                Rows.setInstant(insert, 9, key.revokedAt());
                insert.setString(10, key.previousSecretHash() == null ? null : key.previousSecretHash().hex());
                Rows.setInstant(insert, 11, key.previousSecretUntil());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(apiKey(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiKey> listByOwner(UserId owner) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS
                    + " FROM api_keys WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id")) {
                select.setObject(1, owner.value());
                try (ResultSet row = select.executeQuery()) {
                    List<ApiKey> keys = new ArrayList<>();
                    while (row.next()) {
                        keys.add(apiKey(row));
                    }
                    return keys;
                }
            }
        });
    }

    @Override
    public boolean revoke(ApiKeyId id, UserId owner, Instant at) {
        return database.run(session -> {
            try (PreparedStatement update = session.prepare(
                    "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")) {
                Rows.setInstant(update, 1, at);
                update.setString(2, id.value());
                update.setObject(3, owner.value());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        database.run(session -> {
            try (PreparedStatement update = session.prepare(
                    "UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
                Rows.setInstant(update, 1, at);
                update.setString(2, id.value());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public boolean rotate(ApiKeyId id, UserId owner, SecretHash replacement, Instant graceUntil) {
        return database.run(session -> {
            try (PreparedStatement update = session.prepare("UPDATE api_keys SET previous_secret_hash = secret_hash,"
                    + " previous_secret_until = ?, secret_hash = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")) {
                Rows.setInstant(update, 1, graceUntil);
                update.setString(2, replacement.hex());
                update.setString(3, id.value());
                update.setObject(4, owner.value());
                return update.executeUpdate() == 1;
            }
        });
    }

    private static ApiKey apiKey(ResultSet row) throws SQLException {
        String previous = row.getString("previous_secret_hash");
        return new ApiKey(new ApiKeyId(row.getString("id")), new UserId(Rows.uuid(row, "user_id")),
                row.getString("name"), Scopes.parseSpaceDelimited(row.getString("scopes")),
                new SecretHash(row.getString("secret_hash")), Rows.instant(row, "created_at"),
                Rows.instant(row, "expires_at"), Rows.instant(row, "last_used_at"), Rows.instant(row, "revoked_at"),
                previous == null ? null : new SecretHash(previous), Rows.instant(row, "previous_secret_until"));
    }
}
