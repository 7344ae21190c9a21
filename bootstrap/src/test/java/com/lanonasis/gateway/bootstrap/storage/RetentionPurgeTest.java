package com.lanonasis.gateway.bootstrap.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lanonasis.gateway.application.retention.port.in.PurgeExpiredUseCase;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the retention purge deletes expired OAuth tokens and audit and request-log rows past
 * their retention, in batches (two rows per statement here, so a pass needs several), and keeps
 * everything inside it. Rows are written straight into the tables with the times under test.
 */
@MicronautTest
@Property(name = "onasis.retention.audit", value = "90d")
@Property(name = "onasis.retention.request-log", value = "14d")
@Property(name = "onasis.retention.batch-size", value = "2")
class RetentionPurgeTest {

    @Inject
    HikariDataSource database;

    @Inject
    PurgeExpiredUseCase retention;

    private final Instant now = Instant.now();
    private final String marker = "purge-" + UUID.randomUUID().toString().substring(0, 8);

    String schema() {
        return "";
    }

    @Test
    void rowsPastTheirRetentionVanishAndRowsInsideStay() throws SQLException {
        for (int i = 0; i < 5; i++) {
            audit(now.minus(Duration.ofDays(91)).minusSeconds(i));
            request(now.minus(Duration.ofDays(15)).minusSeconds(i));
        }
        audit(now.minus(Duration.ofDays(89)));
        request(now.minus(Duration.ofDays(13)));
        accessToken("expired", now.minusSeconds(60));
        accessToken("live", now.plus(Duration.ofHours(1)));
        refreshToken("expired", now.minusSeconds(60));
        refreshToken("live", now.plus(Duration.ofDays(30)));

        Map<String, Integer> deleted = retention.purge();

        assertEquals(1, count("audit_events WHERE client_id = ?", marker), "the 89-day-old row stays " + deleted);
        assertEquals(1, count("request_log WHERE client_id = ?", marker), "the 13-day-old row stays " + deleted);
        assertEquals(1, count("oauth_access_tokens WHERE family_id = ?", marker), deleted.toString());
        assertEquals(1, count("oauth_access_tokens WHERE jti = ?", marker + "-live"));
        assertEquals(1, count("oauth_refresh_tokens WHERE family_id = ?", marker), deleted.toString());
        assertEquals(1, count("oauth_refresh_tokens WHERE token_hash = ?", hash("live")));
        assertEquals(5, deleted.get("request_log"), "five rows in batches of two: " + deleted);

        assertEquals(Map.of("oauth_access_tokens", 0, "oauth_revoked_tokens", 0, "oauth_refresh_tokens", 0,
                "audit_events", 0, "request_log", 0),
                retention.purge(), "a second pass finds nothing");
    }

    private void audit(Instant at) throws SQLException {
        insert("INSERT INTO " + schema() + "audit_events (type, at, user_id, client_id, details) VALUES"
                + " ('LOGIN_FAILED', ?, NULL, ?, '{}')", at, marker);
    }

    private void request(Instant at) throws SQLException {
        insert("INSERT INTO " + schema() + "request_log (at, request_id, method, route, status, duration_us,"
                + " client_address, client_id) VALUES (?, 'r-1', 'GET', '/health', 200, 10, '127.0.0.1', ?)", at, marker);
    }

    private void accessToken(String name, Instant expiresAt) throws SQLException {
        insert("INSERT INTO " + schema() + "oauth_access_tokens (jti, family_id, client_id, user_id, subject, audience,"
                + " scopes, issued_at, expires_at, token_hash) VALUES (?, ?, 'cli', NULL, 'subject', 'https://r',"
                + " 'memories:read', ?, ?, ?)", marker + "-" + name, marker, now.minus(Duration.ofHours(2)), expiresAt,
                hash("access-" + name));
    }

    private void refreshToken(String name, Instant expiresAt) throws SQLException {
        insert("INSERT INTO " + schema() + "oauth_refresh_tokens (token_hash, family_id, client_id, user_id, scopes,"
                + " resources, issued_at, expires_at) VALUES (?, ?, 'cli', ?, 'memories:read', 'https://r', ?, ?)",
                hash(name), marker, UUID.randomUUID(), now.minus(Duration.ofDays(31)), expiresAt);
    }

    private String hash(String name) {
        String text = (marker + name).replaceAll("[^a-z0-9]", "0");
        return (text + "0".repeat(64)).substring(0, 64);
    }

    private void insert(String sql, Object... values) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                        : values[i];
                insert.setObject(i + 1, value);
            }
            insert.executeUpdate();
        }
    }

    private int count(String where, String value) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + schema() + where)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
