package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

public final class JdbcRefreshTokens implements RefreshTokens {

    private static final String COLUMNS = "token_hash, family_id, client_id, user_id, scopes, resources, issued_at,"
            + " expires_at, rotated_at, revoked_at";

    private final JdbcDatabase database;

    public JdbcRefreshTokens(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void add(RefreshToken token) {
        database.run(session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO oauth_refresh_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, token.hash().hex());
                insert.setString(2, token.familyId());
                insert.setString(3, token.clientId());
                insert.setObject(4, token.userId().value());
                insert.setString(5, token.scopes().spaceDelimited());
                insert.setString(6, Lists.join(token.resources()));
                Rows.setInstant(insert, 7, token.issuedAt());
                Rows.setInstant(insert, 8, token.expiresAt());
                Rows.setInstant(insert, 9, token.rotatedAt());
                Rows.setInstant(insert, 10, token.revokedAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<RefreshToken> find(SecretHash hash) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + COLUMNS + " FROM oauth_refresh_tokens WHERE token_hash = ?")) {
                select.setString(1, hash.hex());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RefreshToken(new SecretHash(row.getString("token_hash")),
                            row.getString("family_id"), row.getString("client_id"),
                            new UserId(Rows.uuid(row, "user_id")), Scopes.parseSpaceDelimited(row.getString("scopes")),
                            Lists.split(row.getString("resources")), Rows.instant(row, "issued_at"),
                            Rows.instant(row, "expires_at"), Rows.instant(row, "rotated_at"),
                            Rows.instant(row, "revoked_at")));
                }
            }
        });
    }

    @Override
    public boolean rotate(SecretHash hash, Instant at) {
        return database.run(session -> {
            try (PreparedStatement update = session.prepare("UPDATE oauth_refresh_tokens SET rotated_at = ?"
                    + " WHERE token_hash = ? AND rotated_at IS NULL AND revoked_at IS NULL")) {
                Rows.setInstant(update, 1, at);
                update.setString(2, hash.hex());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void revokeFamily(String familyId, Instant at) {
        database.run(session -> {
            try (PreparedStatement update = session.prepare(
                    "UPDATE oauth_refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")) {
                Rows.setInstant(update, 1, at);
                update.setString(2, familyId);
                return update.executeUpdate();
            }
        });
    }
}
