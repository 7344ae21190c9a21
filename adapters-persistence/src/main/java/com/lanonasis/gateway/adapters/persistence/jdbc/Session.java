package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A connection as the stores use it: statements are prepared with table names in the database's schema. */
final class Session {

    private final Connection connection;
    private final Schema schema;
    private final JdbcDatabase.WriteWatch watch;
    private boolean watchedWrite;

    Session(Connection connection, Schema schema, JdbcDatabase.WriteWatch watch) {
        this.connection = connection;
        this.schema = schema;
        this.watch = watch;
    }

    /** Whether a statement prepared here writes what the database's {@link JdbcDatabase.WriteWatch} watches. */
    boolean watchedWrite() {
        return watchedWrite;
    }

    /** True on H2, false on Postgres: the few statements that differ (full-text search) ask this. */
    boolean isH2() throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:h2:");
    }

    PreparedStatement prepare(String sql) throws SQLException {
        if (watch != null && watch.watches(sql)) {
            // before the write: a failure to announce it fails the write
            watch.written();
            watchedWrite = true;
        }
        return connection.prepareStatement(schema.qualify(sql));
    }
}
