package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.Users;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

public final class JdbcUsers implements Users {

    private static final String COLUMNS = "id, email, name, role, password_hash, created_at";

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
                    "SELECT " + COLUMNS + " FROM users WHERE email = ?")) {
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
                    "SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
                select.setObject(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(user(row)) : Optional.empty();
                }
            }
        });
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(new UserId(Rows.uuid(row, "id")), new Email(row.getString("email")), row.getString("name"),
                Role.fromWire(row.getString("role")), Rows.instant(row, "created_at"));
    }
}
