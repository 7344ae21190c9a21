package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The accounts table: the {@link Users} of sign-in and credential checks, and the administrator's directory. */
public final class JdbcUsers implements Users, UserDirectory {

    private static final String COLUMNS = "id, email, name, role, password_hash, created_at";
    private static final String READ_COLUMNS = COLUMNS + ", disabled";

    private final JdbcDatabase database;

    public JdbcUsers(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public boolean add(UserAccount account) {
        User user = account.user();
        return database.run(session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, user.id().value());
                insert.setString(2, user.email().value());
                insert.setString(3, user.name());
                insert.setString(4, user.role().wireName());
                insert.setString(5, account.passwordHash().reveal());
                Rows.setInstant(insert, 6, user.createdAt());
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Rows.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<UserAccount> findByEmail(Email email) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + READ_COLUMNS + " FROM users WHERE email = ?")) {
                select.setString(1, email.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new UserAccount(user(row), new PasswordHash(row.getString("password_hash"))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare(
                    "SELECT " + READ_COLUMNS + " FROM users WHERE id = ?")) {
                select.setObject(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(user(row)) : Optional.empty();
                }
            }
        });
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(new UserId(Rows.uuid(row, "id")), new Email(row.getString("email")), row.getString("name"),
                Role.fromWire(row.getString("role")), Rows.instant(row, "created_at"), row.getBoolean("disabled"));
    }

    @Override
    public List<User> search(String emailPart, int offset, int limit) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + READ_COLUMNS
                    + " FROM users WHERE email LIKE ? ESCAPE '\\' ORDER BY created_at, id LIMIT ? OFFSET ?")) {
                select.setString(1, Rows.containsPattern(emailPart.toLowerCase(Locale.ROOT)));
                select.setInt(2, limit);
                select.setInt(3, offset);
                List<User> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(user(row));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public boolean changeRole(UserId id, Role role) {
        return update("UPDATE users SET role = ? WHERE id = ?", role.wireName(), id);
    }

    @Override
    public boolean rename(UserId id, String name) {
        return database.run(session -> {
            try (PreparedStatement update = session.prepare("UPDATE users SET name = ? WHERE id = ?")) {
                update.setString(1, name);
                update.setObject(2, id.value());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean setDisabled(UserId id, boolean disabled) {
        return update("UPDATE users SET disabled = ? WHERE id = ?", disabled, id);
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return database.run(session -> {
            try (PreparedStatement update = session.prepare(
                    "UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?")) {
                update.setString(1, replacement.reveal());
                update.setObject(2, id.value());
                update.setString(3, expected.reveal());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(UserId id) {
        return database.alwaysCommit(() -> database.run(session -> {
            for (String table : List.of("oauth_access_tokens", "oauth_refresh_tokens", "oauth_consents", "api_keys")) {
                try (PreparedStatement delete = session.prepare("DELETE FROM " + table + " WHERE user_id = ?")) {
                    delete.setObject(1, id.value());
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = session.prepare("DELETE FROM users WHERE id = ?")) {
                delete.setObject(1, id.value());
                return delete.executeUpdate() == 1;
            }
        }));
    }

    private boolean update(String sql, Object value, UserId id) {
        return database.run(session -> {
            try (PreparedStatement update = session.prepare(sql)) {
                update.setObject(1, value);
                update.setObject(2, id.value());
                return update.executeUpdate() == 1;
            }
        });
    }
}
