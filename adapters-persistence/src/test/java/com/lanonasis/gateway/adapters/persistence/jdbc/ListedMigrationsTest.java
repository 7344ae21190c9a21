package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway reads the migrations from the list the build writes ({@code db/migration/index.txt}) instead of scanning
 * the classpath: the list must hold every migration file, Flyway must apply every listed migration, and a
 * migration changed after it was applied must still stop the start.
 */
class ListedMigrationsTest {

    private static final ClassLoader LOADER = ListedMigrationsTest.class.getClassLoader();

    @Test
    void theBuildListsEveryMigrationFileAndNothingElse() throws Exception {
        List<String> listed = ListedMigrations.index(LOADER);
        assertNotNull(listed, "the migrations module's build writes " + ListedMigrations.INDEX);
        Path root = sourceRoot();
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root.resolve("db/migration"))) {
            walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .forEach(files::add);
        }
        assertTrue(files.size() >= 9, "migrations found on disk: " + files);
        assertEquals(files, listed);
    }

    @Test
    void flywayAppliesEveryListedMigrationOfTheVendor() throws SQLException {
        List<String> listed = ListedMigrations.index(LOADER);
        // H2 applies the common tree and its own folder
        long versioned = listed.stream().filter(path -> path.startsWith("db/migration/common/V")
                || path.startsWith("db/migration/h2/V")).count();
        try (HikariDataSource h2 = H2.fresh(); Connection connection = h2.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            rows.next();
            assertEquals(versioned, rows.getLong(1));
        }
    }

    @Test
    void aMigrationChangedAfterItWasAppliedStillStopsTheStart() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DatabaseSettings settings = new DatabaseSettings(url, null, null, 2);
        try (HikariDataSource first = Databases.open(settings, "first");
             Connection connection = first.getConnection(); Statement statement = connection.createStatement()) {
            // what Flyway sees when the file of V2 changed after it was applied: another checksum
            assertEquals(1, statement.executeUpdate(
                    "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '2'"));
            DatabaseUnavailable refused = assertThrows(DatabaseUnavailable.class,
                    () -> Databases.open(settings, "second").close());
            assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
        }
    }

    @Test
    void aListedFileMissingFromTheClasspathIsRefused() {
        ClassLoader withoutFiles = new ClassLoader(null) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                return LOADER.getResourceAsStream(name);
            }

            @Override
            public URL getResource(String name) {
                return name.endsWith(".sql") ? null : LOADER.getResource(name);
            }
        };
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ListedMigrations.of(List.of("db/migration/common"), withoutFiles));
        assertTrue(refused.getMessage().contains("db/migration/common/V"), refused.getMessage());
    }

    /**
     * The migrations module's resources folder: the files the list must name (the test runs in this module's
     * folder; the classpath may hold the migrations module as a folder or, under {@code verify}, as its jar).
     */
    private static Path sourceRoot() {
        Path root = Path.of("..", "migrations", "src", "main", "resources").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(root.resolve("db/migration")), "no migrations folder at " + root);
        return root;
    }
}
