package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Identity on Neon, memories on Supabase, as the platform ran them: the memory suite passes, and
 * the rows land where configured.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitStorageMemoryHttpTest extends MemoryHttpTest implements TestPropertyProvider {

    private Map<String, String> storage;

    @Inject
    HikariDataSource identity;

    @Override
    public Map<String, String> getProperties() {
        storage = PostgresDatabases.neonIdentitySupabaseMemories();
        return storage;
    }

    @Test
    void memoriesLiveInTheMemoryDatabaseAndUsersInTheIdentityOne() throws Exception {
        api.post("/api/v1/memory", Map.of("title", "where am I", "content", "c"), freshKey());

        try (var connection = identity.getConnection(); var sql = connection.createStatement();
             var row = sql.executeQuery("SELECT (SELECT count(*) FROM auth_gateway.users) > 0,"
                     + " to_regclass('auth_gateway.memory_entries') IS NOT NULL")) {
            row.next();
            assertEquals(true, row.getBoolean(1));
        }
        String memoryUrl = storage.get("onasis.memory-database.url").replace("postgresql://postgres@",
                "jdbc:postgresql://");
        try (var connection = DriverManager.getConnection(memoryUrl, "postgres", null);
             var sql = connection.createStatement();
             var row = sql.executeQuery("SELECT count(*) FROM public.memory_entries WHERE title = 'where am I'")) {
            row.next();
            assertEquals(1, row.getLong(1), "the memory is in the Supabase database");
        }
    }

    private String[] freshKey() {
        return new String[] {"X-API-Key", api.apiKey(api.newAccount(), null)};
    }
}
