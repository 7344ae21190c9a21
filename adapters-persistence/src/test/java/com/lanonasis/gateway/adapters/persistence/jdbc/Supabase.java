package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A Supabase-like database on plain Postgres: the roles and the {@code auth.uid()} function
 * Supabase provides (same definition), created before our migrations run, as a real Supabase
 * project has them.
 */
final class Supabase {

    private Supabase() {
    }

    static HikariDataSource fresh() {
        try (HikariDataSource plain = Postgres.fresh(Schema.DEFAULT)) {
            baseline(plain);
            String url = plain.getJdbcUrl();
            return Postgres.remember(Databases.open(new DatabaseSettings(url, "postgres", null, 4), "test-supabase",
                    Schema.DEFAULT, true));
        }
    }

    /** The same, used through a transaction-mode PgBouncer as Supabase's pooler (port 6543) serves it. */
    static HikariDataSource freshPooled() {
        String database = Postgres.newDatabase();
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setUrl("jdbc:postgresql://127.0.0.1:" + Postgres.port() + "/" + database);
        direct.setUser("postgres");
        baseline(direct);
        return Postgres.remember(Databases.open(new DatabaseSettings(PgBouncer.url(database), "postgres", null, 4),
                "test-supabase-pooled", Schema.DEFAULT, true));
    }

    private static void baseline(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN CREATE ROLE anon NOLOGIN; END IF;
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
                        CREATE ROLE authenticated NOLOGIN; END IF;
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
                        CREATE ROLE service_role NOLOGIN BYPASSRLS; END IF;
                    END $$""");
            sql.execute("CREATE SCHEMA IF NOT EXISTS auth");
            sql.execute("""
                    CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
                      SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
                    $$""");
            sql.execute("GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role");
            sql.execute("GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the Supabase baseline", e);
        }
    }
}
