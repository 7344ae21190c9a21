package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public final class JdbcAccessTokens implements AccessTokens {

    private static final String COLUMNS = "jti, family_id, client_id, user_id, subject, audience, scopes, issued_at,"
            + " expires_at, token_hash, revoked_at";

    private final JdbcDatabase database;

    public JdbcAccessTokens(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void add(IssuedAccessToken token) {
        AccessTokenClaims claims = token.claims();
        database.run(session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO oauth_access_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, claims.tokenId());
                insert.setString(2, token.familyId());
                insert.setString(3, claims.clientId());
                insert.setObject(4, token.userId() == null ? null : token.userId().value());
                insert.setString(5, claims.subject());
                insert.setString(6, Lists.join(claims.audience()));
                insert.setString(7, claims.scopes().spaceDelimited());
                Rows.setInstant(insert, 8, claims.issuedAt());
                Rows.setInstant(insert, 9, claims.expiresAt());
                insert.setString(10, token.tokenHash().hex());
                Rows.setInstant(insert, 11, token.revokedAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<IssuedAccessToken> byTokenHash(SecretHash hash) {
        return findWhere("token_hash = ?", hash.hex());
    }

    @Override
    public void revoke(String tokenId, Instant at) {
        revokeWhere("jti = ?", tokenId, at);
    }

    @Override
    public void revokeFamily(String familyId, Instant at) {
        revokeWhere("family_id = ?", familyId, at);
    }

    private void revokeWhere(String condition, String value, Instant at) {
        database.run(session -> {
            try (PreparedStatement update = session.prepare(
                    "UPDATE oauth_access_tokens SET revoked_at = ? WHERE " + condition + " AND revoked_at IS NULL")) {
                Rows.setInstant(update, 1, at);
                update.setString(2, value);
                return update.executeUpdate();
            }
        });
    }

    private Optional<IssuedAccessToken> findWhere(String condition, String value) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + COLUMNS + " FROM oauth_access_tokens WHERE " + condition)) {
                select.setString(1, value);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(token(row)) : Optional.empty();
                }
            }
        });
    }

    private static IssuedAccessToken token(ResultSet row) throws SQLException {
        UUID user = Rows.uuid(row, "user_id");
        AccessTokenClaims claims = new AccessTokenClaims(row.getString("jti"), row.getString("subject"),
                row.getString("client_id"), Lists.split(row.getString("audience")),
                Scopes.parseSpaceDelimited(row.getString("scopes")), Rows.instant(row, "issued_at"),
                Rows.instant(row, "expires_at"));
        return new IssuedAccessToken(claims, user == null ? null : new UserId(user),
                new SecretHash(row.getString("token_hash")), row.getString("family_id"),
                Rows.instant(row, "revoked_at"));
    }
}
