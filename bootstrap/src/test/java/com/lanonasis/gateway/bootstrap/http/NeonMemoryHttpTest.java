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

/** MemoryHttpTest again, with ONASIS_STORAGE=neon on a real Postgres: a configuration change only. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeonMemoryHttpTest extends MemoryHttpTest implements TestPropertyProvider {

    @Inject
    HikariDataSource database;

    @Test
    void reallyRunsOnPostgresAsConfigured() throws Exception {
        assertTrue(database.getJdbcUrl().startsWith("jdbc:postgresql:"), database.getJdbcUrl());
        try (var connection = database.getConnection(); var sql = connection.createStatement();
             var row = sql.executeQuery("SELECT to_regclass('auth_gateway.memory_entries') IS NOT NULL AND to_regclass('public.memory_entries') IS NULL")) {
            row.next();
            assertTrue(row.getBoolean(1), "tables in auth_gateway only");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return PostgresDatabases.neon();
    }
}
