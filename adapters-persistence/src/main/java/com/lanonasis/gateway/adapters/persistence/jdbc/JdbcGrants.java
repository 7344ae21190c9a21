package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.Grant;
import com.lanonasis.gateway.domain.tokens.port.out.Grants;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A user's token families, read from and revoked in the access- and refresh-token tables together. */
public final class JdbcGrants implements Grants {

    private static final List<String> TABLES = List.of("oauth_access_tokens", "oauth_refresh_tokens");

    private final JdbcDatabase database;

    public JdbcGrants(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public List<Grant> liveOf(UserId user, Instant now) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT family_id, MAX(client_id) AS client_id, MAX(scopes) AS scopes, MIN(issued_at) AS issued_at,"
                            + " MAX(expires_at) AS expires_at FROM ("
                            + " SELECT family_id, client_id, scopes, issued_at, expires_at FROM oauth_access_tokens"
                            + " WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?"
                            + " UNION ALL"
                            + " SELECT family_id, client_id, scopes, issued_at, expires_at FROM oauth_refresh_tokens"
                            + " WHERE user_id = ? AND revoked_at IS NULL AND rotated_at IS NULL AND expires_at > ?"
                            + ") live GROUP BY family_id ORDER BY MIN(issued_at) DESC, family_id")) {
                select.setObject(1, user.value());
                Rows.setInstant(select, 2, now);
                select.setObject(3, user.value());
                Rows.setInstant(select, 4, now);
                List<Grant> grants = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        grants.add(new Grant(row.getString("family_id"), row.getString("client_id"),
                                Scopes.parseSpaceDelimited(row.getString("scopes")).names(),
                                Rows.instant(row, "issued_at"), Rows.instant(row, "expires_at")));
                    }
                }
                return grants;
            }
        });
    }

    @Override
    public boolean revoke(UserId user, String familyId, Instant at) {
        return database.alwaysCommit(() -> database.run(session -> {
            int revoked = 0;
            for (String table : TABLES) {
                try (PreparedStatement update = session.prepare("UPDATE " + table
                        + " SET revoked_at = ? WHERE user_id = ? AND family_id = ? AND revoked_at IS NULL")) {
                    Rows.setInstant(update, 1, at);
                    update.setObject(2, user.value());
                    update.setString(3, familyId);
                    revoked += update.executeUpdate();
                }
            }
            return revoked > 0;
        }));
    }

    @Override
    public int revokeAll(UserId user, Instant at) {
        return database.alwaysCommit(() -> database.run(session -> {
            int families;
            try (PreparedStatement count = session.prepare("SELECT COUNT(DISTINCT family_id) FROM ("
                    + " SELECT family_id FROM oauth_access_tokens WHERE user_id = ? AND revoked_at IS NULL UNION ALL"
                    + " SELECT family_id FROM oauth_refresh_tokens WHERE user_id = ? AND revoked_at IS NULL) live")) {
                count.setObject(1, user.value());
                count.setObject(2, user.value());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    families = row.getInt(1);
                }
            }
            for (String table : TABLES) {
                try (PreparedStatement update = session.prepare(
                        "UPDATE " + table + " SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")) {
                    Rows.setInstant(update, 1, at);
                    update.setObject(2, user.value());
                    update.executeUpdate();
                }
            }
            return families;
        }));
    }

    @Override
    public int revokeClient(UserId user, String clientId, Instant at) {
        return database.alwaysCommit(() -> database.run(session -> {
            int families;
            try (PreparedStatement count = session.prepare("SELECT COUNT(DISTINCT family_id) FROM ("
                    + " SELECT family_id FROM oauth_access_tokens WHERE user_id = ? AND client_id = ? AND revoked_at IS NULL"
                    + " UNION ALL SELECT family_id FROM oauth_refresh_tokens WHERE user_id = ? AND client_id = ?"
                    + " AND revoked_at IS NULL) live")) {
                count.setObject(1, user.value());
                count.setString(2, clientId);
                count.setObject(3, user.value());
                count.setString(4, clientId);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    families = row.getInt(1);
                }
            }
            for (String table : TABLES) {
                try (PreparedStatement update = session.prepare("UPDATE " + table
                        + " SET revoked_at = ? WHERE user_id = ? AND client_id = ? AND revoked_at IS NULL")) {
                    Rows.setInstant(update, 1, at);
                    update.setObject(2, user.value());
                    update.setString(3, clientId);
                    update.executeUpdate();
                }
            }
            return families;
        }));
    }
}
