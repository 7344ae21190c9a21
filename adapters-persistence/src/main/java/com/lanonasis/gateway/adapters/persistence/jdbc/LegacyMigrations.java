package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Databases migrated before the single migration tree recorded the checksums of the per-vendor
 * files ({@code db/migration/h2}, {@code db/migration/postgres}). Those files became one tree with
 * placeholders; the schema they built is the same, their text is not, so Flyway would refuse to
 * start ("checksum mismatch"). Before migrating, this adopts exactly those recorded checksums: a
 * history row is updated only when its version and checksum are one of the known legacy pairs
 * below. Any other mismatch (a migration edited after it ran) still stops start-up, as it should.
 */
final class LegacyMigrations {

    private static final String HISTORY = "flyway_schema_history";

    /** A file as it was released per vendor, and the common file that replaces it. */
    private record Legacy(String version, int h2, int postgres, String replacement) {
        int checksumOn(DatabaseSettings.Vendor vendor) {
            return vendor == DatabaseSettings.Vendor.H2 ? h2 : postgres;
        }
    }

    /** Versions 3, 4, 5 and 7 were the same text for both vendors and did not change. */
    private static final List<Legacy> RELEASED = List.of(
            new Legacy("1", 1925742322, 839183394, "db/migration/common/V1__identity_keys_memories.sql"),
            new Legacy("2", -72284140, 1935566396, "db/migration/common/V2__oauth.sql"),
            new Legacy("6", 1264030762, 236170762, "db/migration/common/V6__client_id_metadata_document_urls.sql"),
            new Legacy("8", -532961396, 1730226598, "db/migration/common/V8__memory_search.sql"));

    private LegacyMigrations() {
    }

    static void adopt(DataSource dataSource, Schema schema, DatabaseSettings.Vendor vendor) {
        try (Connection connection = dataSource.getConnection()) {
            String where = schema.isDefault() ? connection.getSchema() : schema.name();
            if (!hasHistory(connection, where)) {
                return;
            }
            String table = (schema.isDefault() ? "" : "\"" + schema.name() + "\".") + "\"" + HISTORY + "\"";
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
                for (Legacy legacy : RELEASED) {
                    update.setInt(1, checksum(legacy.replacement()));
                    update.setString(2, legacy.version());
                    update.setInt(3, legacy.checksumOn(vendor));
                    update.addBatch();
                }
                update.executeBatch();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migration history: " + e.getMessage(), e);
        }
    }

    private static boolean hasHistory(Connection connection, String schema) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, HISTORY, null)) {
            return tables.next();
        }
    }

    /**
     * Flyway's checksum of a migration file: CRC-32 over the UTF-8 bytes of its lines without their
     * line endings (and without a leading byte-order mark), taken before placeholders are replaced.
     */
    static int checksum(String resource) {
        CRC32 crc = new CRC32();
        try (InputStream in = LegacyMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
