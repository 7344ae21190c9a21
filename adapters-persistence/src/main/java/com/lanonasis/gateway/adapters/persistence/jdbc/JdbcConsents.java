package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.clients.Consent;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Remembered consents: one row per user and client holding every scope granted so far. */
public final class JdbcConsents implements Consents {

    private final JdbcDatabase database;
    private final Clock clock;

    public JdbcConsents(JdbcDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean covers(UserId user, String clientId, Scopes requested) {
        return granted(user, clientId).map(scopes -> scopes.values().containsAll(requested.values())).orElse(false);
    }

    @Override
    public void grant(UserId user, String clientId, Scopes scopes) {
        Set<Scope> merged = new HashSet<>(scopes.values());
        granted(user, clientId).ifPresent(previous -> merged.addAll(previous.values()));
        String stored = Scopes.of(merged).spaceDelimited();
        database.run(session -> {
            try (PreparedStatement update = session.prepare(
                    "UPDATE oauth_consents SET scopes = ?, granted_at = ? WHERE user_id = ? AND client_id = ?")) {
                update.setString(1, stored);
                Rows.setInstant(update, 2, clock.instant());
                update.setObject(3, user.value());
                update.setString(4, clientId);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO oauth_consents (user_id, client_id, scopes, granted_at) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, user.value());
                insert.setString(2, clientId);
                insert.setString(3, stored);
                Rows.setInstant(insert, 4, clock.instant());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!Rows.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // granted concurrently by another request: that row already holds at least these scopes
            }
            return null;
        });
    }

    @Override
    public List<Consent> of(UserId user) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT client_id, scopes, granted_at FROM oauth_consents"
                    + " WHERE user_id = ? ORDER BY granted_at DESC, client_id")) {
                select.setObject(1, user.value());
                List<Consent> consents = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        consents.add(new Consent(row.getString("client_id"),
                                Scopes.parseSpaceDelimited(row.getString("scopes")), Rows.instant(row, "granted_at")));
                    }
                }
                return consents;
            }
        });
    }

    @Override
    public boolean withdraw(UserId user, String clientId) {
        return database.run(session -> {
            try (PreparedStatement delete = session.prepare(
                    "DELETE FROM oauth_consents WHERE user_id = ? AND client_id = ?")) {
                delete.setObject(1, user.value());
                delete.setString(2, clientId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private Optional<Scopes> granted(UserId user, String clientId) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT scopes FROM oauth_consents WHERE user_id = ? AND client_id = ?")) {
                select.setObject(1, user.value());
                select.setString(2, clientId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(Scopes.parseSpaceDelimited(row.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
