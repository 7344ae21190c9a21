package com.lanonasis.gateway.bootstrap.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Configuration for running the whole service on a real Postgres: one embedded server per test
 * JVM, a fresh database per test class, handed to the service as a libpq URL exactly as Neon or
 * Supabase would hand it out. The server keeps Postgres' default {@code max_connections} (100):
 * each test class's application context closes its pools when the class ends.
 */
public final class PostgresDatabases {

    private static EmbeddedPostgres server;

    private PostgresDatabases() {
    }

    public static Map<String, String> neon() {
        return Map.of("onasis.storage", "neon", "onasis.database.url", url(newDatabase(false)));
    }

    public static Map<String, String> supabase() {
        return Map.of("onasis.storage", "supabase", "onasis.database.url", url(newDatabase(true)));
    }

    /** Identity on a Neon-flavoured database, memories on a separate Supabase-flavoured one. */
    public static Map<String, String> neonIdentitySupabaseMemories() {
        return Map.of("onasis.storage", "neon", "onasis.database.url", url(newDatabase(false)),
                "onasis.memory-storage", "supabase", "onasis.memory-database.url", url(newDatabase(true)));
    }

    private static String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + server.getPort() + "/" + database + "?sslmode=disable";
    }

    private static synchronized String newDatabase(boolean supabaseBaseline) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
            }
            String name = "db_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE " + name);
            }
            if (supabaseBaseline) {
                try (Connection connection = server.getDatabase("postgres", name).getConnection();
                     Statement sql = connection.createStatement()) {
                    // what a Supabase project already has before our migrations run
                    sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN "
                            + "CREATE ROLE anon NOLOGIN; END IF; IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE "
                            + "rolname = 'authenticated') THEN CREATE ROLE authenticated NOLOGIN; END IF; "
                            + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN "
                            + "CREATE ROLE service_role NOLOGIN BYPASSRLS; END IF; END $$");
                    sql.execute("CREATE SCHEMA IF NOT EXISTS auth");
                    sql.execute("CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ "
                            + "SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''), "
                            + "(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $$");
                    sql.execute("GRANT USAGE ON SCHEMA auth, public TO anon, authenticated, service_role");
                }
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Postgres did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a test database", e);
        }
    }
}
