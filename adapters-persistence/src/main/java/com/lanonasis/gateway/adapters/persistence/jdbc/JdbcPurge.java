package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

/**
 * Batch deletes by a time column, portable to H2 and Postgres (neither needs {@code DELETE ...
 * LIMIT}): {@code DELETE FROM t WHERE key IN (SELECT key FROM t WHERE time < ? LIMIT ?)}, each
 * batch in auto-commit. Indexed by the time column (V2, V5).
 */
public final class JdbcPurge implements Purgeable {

    private final JdbcDatabase database;
    private final String table;
    private final String key;
    private final String time;

    private JdbcPurge(JdbcDatabase database, String table, String key, String time) {
        this.database = database;
        this.table = table;
        this.key = key;
        this.time = time;
    }

    /** Expired OAuth access tokens. */
    public static JdbcPurge accessTokens(JdbcDatabase database) {
        return new JdbcPurge(database, "oauth_access_tokens", "jti", "expires_at");
    }

    /** Deny-list entries of self-contained access tokens that have expired anyway (V10). */
    public static JdbcPurge revokedTokens(JdbcDatabase database) {
        return new JdbcPurge(database, "oauth_revoked_tokens", "token_id", "expires_at");
    }

    /** Expired refresh tokens (rotated ones included: a replay of an expired one is refused either way). */
    public static JdbcPurge refreshTokens(JdbcDatabase database) {
        return new JdbcPurge(database, "oauth_refresh_tokens", "token_hash", "expires_at");
    }

    public static JdbcPurge auditEvents(JdbcDatabase database) {
        return new JdbcPurge(database, "audit_events", "id", "at");
    }

    public static JdbcPurge requestLog(JdbcDatabase database) {
        return new JdbcPurge(database, "request_log", "id", "at");
    }

    /** Every table the identity database purges, in the order they are purged. */
    public static List<JdbcPurge> all(JdbcDatabase database) {
        return List.of(accessTokens(database), revokedTokens(database), refreshTokens(database),
                auditEvents(database), requestLog(database));
    }

    @Override
    public String name() {
        return table;
    }

    @Override
    public int purgeBefore(Instant cutoff, int batch) {
        return database.run(session -> {
            try (PreparedStatement delete = session.prepare("DELETE FROM " + table + " WHERE " + key + " IN (SELECT "
                    + key + " FROM " + table + " WHERE " + time + " < ? ORDER BY " + time + " LIMIT ?)")) {
                Rows.setInstant(delete, 1, cutoff);
                delete.setInt(2, batch);
                return delete.executeUpdate();
            }
        });
    }
}
