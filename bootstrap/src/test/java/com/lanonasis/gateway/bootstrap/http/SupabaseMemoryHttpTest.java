package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** MemoryHttpTest again, with ONASIS_STORAGE=supabase on a real Postgres: a configuration change only. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupabaseMemoryHttpTest extends MemoryHttpTest implements TestPropertyProvider {

    @Inject
    HikariDataSource database;

    @Test
    void reallyRunsOnPostgresAsConfigured() throws Exception {
        assertTrue(database.getJdbcUrl().startsWith("jdbc:postgresql:"), database.getJdbcUrl());
        try (var connection = database.getConnection(); var sql = connection.createStatement();
             var row = sql.executeQuery("SELECT relrowsecurity FROM pg_class WHERE oid = 'public.memory_entries'::regclass")) {
            row.next();
            assertTrue(row.getBoolean(1), "row-level security enabled on memory_entries");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return PostgresDatabases.supabase();
    }
}
