package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database migrated by the per-vendor trees this project released before the single tree (kept
 * verbatim under test resources {@code legacy-migrations}) keeps starting: its recorded checksums
 * are adopted, its data stays, and what only the new tree adds is applied. A migration edited in
 * any other way still stops start-up.
 */
class MigrationUpgradeTest {

    private static final UUID ENTRY = UUID.fromString("00000000-0000-0000-0000-00000000abcd");

    @Test
    void anH2DatabaseFromTheReleasedTreeStartsAndKeepsItsData() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        upgradeAndCheck(new DatabaseSettings(url, null, null, 2), "h2");
    }

    @Test
    void aPostgresDatabaseFromTheReleasedTreeStartsAndKeepsItsData() throws SQLException {
        String url = Postgres.url(Postgres.newDatabase());
        upgradeAndCheck(new DatabaseSettings(url, "postgres", null, 2), "postgres");
    }

    @Test
    void aMigrationEditedAfterItRanStillStopsStartUp() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        legacy(url, null, "h2");
        try (Connection connection = java.sql.DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '2'");
        }
        DatabaseSettings settings = new DatabaseSettings(url, null, null, 2);
        DatabaseUnavailable refused = assertThrows(DatabaseUnavailable.class, () -> Databases.open(settings, "edited"));
        assertTrue(refused.getMessage().toLowerCase().contains("checksum"), refused.getMessage());
    }

    private static void upgradeAndCheck(DatabaseSettings settings, String releasedTree) throws SQLException {
        legacy(settings.url(), settings.username(), releasedTree);
        try (HikariDataSource upgraded = Databases.open(settings, "upgraded")) {
            Map<String, Integer> checksums = checksums(upgraded);
            assertEquals(LegacyMigrations.checksum("db/migration/common/V1__identity_keys_memories.sql"),
                    checksums.get("1"), "the released V1 was adopted as the common V1");
            assertEquals(LegacyMigrations.checksum("db/migration/common/V8__memory_search.sql"), checksums.get("8"));
            try (Connection connection = upgraded.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT title FROM memory_entries WHERE id = '" + ENTRY + "'")) {
                assertTrue(row.next(), "the entry written before the upgrade is still there");
                assertEquals("written before", row.getString(1));
            }
        }
        // and it starts again, with nothing left to adopt
        Databases.open(settings, "again").close();
    }

    /** Migrates with the released per-vendor tree, as a database in the field was, and writes a row. */
    private static void legacy(String url, String user, String tree) throws SQLException {
        Flyway.configure().dataSource(url, user, null).locations("classpath:legacy-migrations/" + tree).load().migrate();
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, null);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO users (id, email, role, password_hash, created_at) VALUES ("
                    + "'00000000-0000-0000-0000-000000000001', 'a@example.com', 'user', 'x', CURRENT_TIMESTAMP)");
            statement.executeUpdate("INSERT INTO memory_entries (id, user_id, title, content, type, tags, metadata,"
                    + " created_at, updated_at) VALUES ('" + ENTRY + "', '00000000-0000-0000-0000-000000000001',"
                    + " 'written before', 'body', 'context', '', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
    }

    private static Map<String, Integer> checksums(HikariDataSource source) throws SQLException {
        Map<String, Integer> byVersion = new TreeMap<>();
        try (Connection connection = source.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            while (rows.next()) {
                byVersion.put(rows.getString(1), rows.getInt(2));
            }
        }
        return byVersion;
    }
}
