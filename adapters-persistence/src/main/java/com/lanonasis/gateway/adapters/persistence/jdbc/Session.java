package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A connection as the stores use it: statements are prepared with table names in the database's schema. */
final class Session {

    private final Connection connection;
    private final Schema schema;

    Session(Connection connection, Schema schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** True on H2, false on Postgres: the few statements that differ (full-text search) ask this. */
    boolean isH2() throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:h2:");
    }

    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(schema.qualify(sql));
    }
}
