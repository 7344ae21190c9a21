package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.tokens.port.out.RevokedAccessTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The deny-list of self-contained access tokens ({@code oauth_revoked_tokens}, V10): a row per revoked
 * token id, and a row {@code client:<client id>} when a client was disabled or deleted (every token of
 * it issued up to then is revoked). Each insert advances the credential cache's generation
 * ({@code CredentialCache.changesCredentials}), so every instance sees it at the next lookup.
 * Rows are purged after they expire ({@link JdbcPurge#revokedTokens}).
 */
public final class JdbcRevokedAccessTokens implements RevokedAccessTokens {

    static final String CLIENT_PREFIX = "client:";

    /** What the deny-list says of a token id and its client. */
    public record Denial(Instant tokenRevokedAt, Instant clientRevokedAt) {

        public static final Denial NONE = new Denial(null, null);

        /** When a token of that id and client, issued then, was revoked (a token issued at the revocation's instant is). */
        public Optional<Instant> revokedAt(Instant issuedAt) {
            if (tokenRevokedAt != null) {
                return Optional.of(tokenRevokedAt);
            }
            if (clientRevokedAt != null && !issuedAt.isAfter(clientRevokedAt)) {
                return Optional.of(clientRevokedAt);
            }
            return Optional.empty();
        }
    }

    private final JdbcDatabase database;

    public JdbcRevokedAccessTokens(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Instant> revokedAt(String tokenId, String clientId, Instant issuedAt) {
        return denial(tokenId, clientId).revokedAt(issuedAt);
    }

    /** One indexed query for both rows. */
    public Denial denial(String tokenId, String clientId) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT token_id, revoked_at FROM oauth_revoked_tokens WHERE token_id IN (?, ?)")) {
                select.setString(1, tokenId);
                select.setString(2, CLIENT_PREFIX + clientId);
                Instant token = null;
                Instant client = null;
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        if (row.getString("token_id").equals(tokenId)) {
                            token = Rows.instant(row, "revoked_at");
                        } else {
                            client = Rows.instant(row, "revoked_at");
                        }
                    }
                }
                return token == null && client == null ? Denial.NONE : new Denial(token, client);
            }
        });
    }

    @Override
    public void revoke(String tokenId, String clientId, Instant at, Instant expiresAt) {
        database.run(session -> {
            try (PreparedStatement insert = session.prepare("INSERT INTO oauth_revoked_tokens"
                    + " (token_id, client_id, revoked_at, expires_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM oauth_revoked_tokens WHERE token_id = ?)")) {
                insert.setString(1, tokenId);
                insert.setString(2, clientId);
                Rows.setInstant(insert, 3, at);
                Rows.setInstant(insert, 4, expiresAt);
                insert.setString(5, tokenId);
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Revokes every self-contained token of a client issued up to {@code at} (in the caller's session:
     * the client's change and this commit together). {@code tokenLifetime} bounds how long such a token
     * may live, so the row is purged after {@code at + tokenLifetime}.
     */
    static void revokeClient(Session session, String clientId, Instant at, java.time.Duration tokenLifetime)
            throws SQLException {
        try (PreparedStatement delete = session.prepare("DELETE FROM oauth_revoked_tokens WHERE token_id = ?")) {
            delete.setString(1, CLIENT_PREFIX + clientId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = session.prepare("INSERT INTO oauth_revoked_tokens"
                + " (token_id, client_id, revoked_at, expires_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, CLIENT_PREFIX + clientId);
            insert.setString(2, clientId);
            Rows.setInstant(insert, 3, at);
            Rows.setInstant(insert, 4, at.plus(tokenLifetime));
            insert.executeUpdate();
        }
    }
}
