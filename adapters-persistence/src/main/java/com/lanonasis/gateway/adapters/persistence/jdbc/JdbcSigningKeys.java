package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.tokens.SigningKey;
import com.lanonasis.gateway.domain.tokens.port.out.SigningKeys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcSigningKeys implements SigningKeys {

    private static final String COLUMNS = "kid, algorithm, private_jwk, created_at, retired_at";

    private final JdbcDatabase database;

    public JdbcSigningKeys(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void add(SigningKey key) {
        database.run(session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, key.kid());
                insert.setString(2, key.algorithm());
                insert.setString(3, key.privateJwk().reveal());
                Rows.setInstant(insert, 4, key.createdAt());
                Rows.setInstant(insert, 5, key.retiredAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SigningKey> find(String kid) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + COLUMNS + " FROM signing_keys WHERE kid = ?")) {
                select.setString(1, kid);
                List<SigningKey> found = keys(select);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<SigningKey> signing() {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS
                    + " FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, kid")) {
                return keys(select);
            }
        });
    }

    @Override
    public List<SigningKey> verifying(Instant retiredAfter) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS
                    + " FROM signing_keys WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC, kid")) {
                Rows.setInstant(select, 1, retiredAfter);
                return keys(select);
            }
        });
    }

    @Override
    public void retire(String kid, Instant at) {
        database.run(session -> {
            try (PreparedStatement update = session.prepare(
                    "UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND retired_at IS NULL")) {
                Rows.setInstant(update, 1, at);
                update.setString(2, kid);
                return update.executeUpdate();
            }
        });
    }

    private static List<SigningKey> keys(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            List<SigningKey> keys = new ArrayList<>();
            while (row.next()) {
                keys.add(new SigningKey(row.getString("kid"), row.getString("algorithm"),
                        new SigningKey.PrivateJwk(row.getString("private_jwk")), Rows.instant(row, "created_at"),
                        Rows.instant(row, "retired_at")));
            }
            return keys;
        }
    }
}
