package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The H2 and Postgres migration folders must build the same schema: after migrating a fresh H2
 * and a fresh Postgres database, their tables, columns (type family, nullability, length
 * bound), primary keys, foreign keys, unique constraints and named indexes are compared.
 * Both come from the one tree ({@code db/migration/common}, placeholders for vendor spellings) plus
 * each vendor's own folder, so this guards the placeholders and the vendor folders. Vendor spellings
 * of the same rule count as equal: Postgres {@code TEXT} is H2's long {@code VARCHAR}, and a
 * {@code CHECK (char_length(c) <= n)} on either side is the same bound as a {@code VARCHAR(n)}.
 */
class MigrationParityTest {

    /**
     * Columns only Postgres has, on purpose: the full-text leg of memory search is a generated
     * {@code tsvector} with a GIN index there, and an in-process Lucene index on H2 (docs/search.md).
     */
    private static final java.util.Set<String> POSTGRES_ONLY = java.util.Set.of("memory_entries.search_text");

    /** A Postgres TEXT column is matched by an H2 VARCHAR at least this long. */
    private static final int LONG_TEXT = 4000;
    private static final Pattern LENGTH_CHECK = Pattern.compile(
            "char_length\\(\\(?\"?(\\w+)\"?\\)?(?:::text)?\\)\\s*<=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    private static HikariDataSource h2;
    private static HikariDataSource postgres;

    @BeforeAll
    static void migrateBoth() {
        h2 = H2.fresh();
        postgres = Postgres.fresh();
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    @Test
    void sameTables() throws SQLException {
        TreeSet<String> tables = tables(h2);
        assertFalse(tables.isEmpty(), "H2 has no tables: migrations did not run");
        assertEquals(tables(postgres), tables);
    }

    @Test
    void sameColumnsTypesNullabilityAndLengths() throws SQLException {
        Map<String, Integer> postgresChecks = lengthChecks(postgres, POSTGRES_CHECKS);
        Map<String, Integer> h2Checks = lengthChecks(h2, H2_CHECKS);
        assertEquals(Integer.valueOf(50_000), h2Checks.get("memory_entries.content"), "H2 check constraints are read");
        for (String table : tables(postgres)) {
            List<Column> onPostgres = columns(postgres, table);
            List<Column> onH2 = columns(h2, table);
            assertEquals(onPostgres.stream().map(Column::name).toList(), onH2.stream().map(Column::name).toList(),
                    table + ": the same columns in the same order");
            for (int i = 0; i < onPostgres.size(); i++) {
                Column pg = onPostgres.get(i);
                Column h = onH2.get(i);
                String where = table + "." + pg.name();
                assertEquals(pg.family(), h.family(), where + ": type");
                assertEquals(pg.nullable(), h.nullable(), where + ": nullability");
                if (pg.family().equals("text")) {
                    int pgBound = bound(pg.length(), postgresChecks.get(where));
                    int h2Bound = bound(h.length(), h2Checks.get(where));
                    if (pgBound == Integer.MAX_VALUE) {
                        assertFalse(h2Bound < LONG_TEXT, where + ": unbounded on Postgres but only "
                                + h2Bound + " characters on H2");
                    } else {
                        assertEquals(pgBound, h2Bound, where + ": length bound");
                    }
                }
            }
        }
    }

    /** The tighter of a declared length and a {@code char_length} check; MAX_VALUE when neither. */
    private static int bound(int declared, Integer checked) {
        int limit = declared <= 0 ? Integer.MAX_VALUE : declared;
        return checked == null ? limit : Math.min(limit, checked);
    }

    @Test
    void sameKeysConstraintsAndIndexes() throws SQLException {
        assertEquals(List.of("id"), primaryKey(h2, "memory_entries"), "the metadata is read at all");
        assertTrue(indexes(h2, "memory_entries").contains("[user_id, created_at]"), "named indexes are read");
        assertTrue(indexes(postgres, "users").contains("unique [email]"), "unique constraints are read");
        for (String table : tables(postgres)) {
            assertEquals(primaryKey(postgres, table), primaryKey(h2, table), table + ": primary key");
            assertEquals(foreignKeys(postgres, table), foreignKeys(h2, table), table + ": foreign keys");
            assertEquals(indexes(postgres, table), indexes(h2, table), table + ": unique constraints and indexes");
        }
    }

    private record Column(String name, String family, boolean nullable, int length) {
    }

    private static TreeSet<String> tables(HikariDataSource source) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Connection connection = source.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, schema(connection), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("flyway_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<Column> columns(HikariDataSource source, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Connection connection = source.getConnection();
             ResultSet rows = connection.getMetaData().getColumns(null, schema(connection), name(connection, table), "%")) {
            while (rows.next()) {
                if (POSTGRES_ONLY.contains(table + "." + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT))) {
                    continue;
                }
                columns.add(new Column(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        family(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME")),
                        rows.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rows.getInt("COLUMN_SIZE")));
            }
        }
        return columns;
    }

    /** The type as the application sees it, whatever each vendor calls it. */
    private static String family(int jdbcType, String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return "uuid";
        }
        return switch (jdbcType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR -> "text";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> name.contains("tz") || name.contains("zone")
                    ? "timestamp with time zone" : "timestamp";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.BIGINT -> "bigint";
            case Types.INTEGER -> "integer";
            case Types.SMALLINT -> "smallint";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "floating point";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
            default -> name;
        };
    }

    private static final String POSTGRES_CHECKS = "SELECT rel.relname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
            + "JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
            + "WHERE con.contype = 'c' AND ns.nspname = current_schema()";
    private static final String H2_CHECKS = "SELECT t.TABLE_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t "
            + "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA "
            + "AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA = SCHEMA()";

    /** {@code CHECK (char_length(column) <= n)} constraints, by {@code table.column}. */
    private static Map<String, Integer> lengthChecks(HikariDataSource source, String sql) throws SQLException {
        Map<String, Integer> bounds = new TreeMap<>();
        try (Connection connection = source.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                Matcher check = LENGTH_CHECK.matcher(rows.getString(2));
                if (check.find()) {
                    bounds.put(rows.getString(1).toLowerCase(Locale.ROOT) + "." + check.group(1).toLowerCase(Locale.ROOT),
                            Integer.valueOf(check.group(2)));
                }
            }
        }
        return bounds;
    }

    private static List<String> primaryKey(HikariDataSource source, String table) throws SQLException {
        TreeMap<Integer, String> columns = new TreeMap<>();
        try (Connection connection = source.getConnection();
             ResultSet rows = connection.getMetaData().getPrimaryKeys(null, schema(connection), name(connection, table))) {
            while (rows.next()) {
                columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(columns.values());
    }

    private static TreeSet<String> foreignKeys(HikariDataSource source, String table) throws SQLException {
        TreeSet<String> keys = new TreeSet<>();
        try (Connection connection = source.getConnection();
             ResultSet rows = connection.getMetaData().getImportedKeys(null, schema(connection), name(connection, table))) {
            while (rows.next()) {
                keys.add(rows.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                        + rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                        + rows.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " on delete "
                        + rows.getShort("DELETE_RULE"));
            }
        }
        return keys;
    }

    /**
     * Unique and non-unique indexes as {@code unique? (columns)}; the primary key's own index and
     * the ones H2 adds by itself for foreign keys are left out (Postgres has neither by name).
     */
    private static TreeSet<String> indexes(HikariDataSource source, String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> columnsByIndex = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        List<String> primary = primaryKey(source, table);
        TreeSet<String> generated = generatedIndexes(source, table);
        try (Connection connection = source.getConnection();
             ResultSet rows = connection.getMetaData().getIndexInfo(null, schema(connection), name(connection, table),
                     false, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                if (index == null) {
                    continue;
                }
                columnsByIndex.computeIfAbsent(index, ignored -> new TreeMap<>())
                        .put((int) rows.getShort("ORDINAL_POSITION"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                unique.put(index, !rows.getBoolean("NON_UNIQUE"));
            }
        }
        TreeSet<String> described = new TreeSet<>();
        columnsByIndex.forEach((index, columns) -> {
            List<String> names = List.copyOf(columns.values());
            boolean isUnique = unique.get(index);
            if (isUnique && names.equals(primary)) {
                return;
            }
            if (!isUnique && generated.contains(index)) {
                return;
            }
            if (names.stream().anyMatch(column -> POSTGRES_ONLY.contains(table + "." + column))) {
                return;
            }
            described.add((isUnique ? "unique " : "") + names);
        });
        return described;
    }

    /** The indexes H2 made by itself to back a constraint (a foreign key's); Postgres makes none. */
    private static TreeSet<String> generatedIndexes(HikariDataSource source, String table) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Connection connection = source.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return names;
            }
            try (var statement = connection.prepareStatement("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND IS_GENERATED")) {
                statement.setString(1, schema(connection));
                statement.setString(2, name(connection, table));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
        }
        return names;
    }

    private static String schema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    private static String name(Connection connection, String table) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }
}
