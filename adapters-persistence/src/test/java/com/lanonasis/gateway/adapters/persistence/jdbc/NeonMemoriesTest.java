package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.application.port.out.UnitOfWork;

class NeonMemoriesTest extends MemoriesContract {

    /** The Neon flavour keeps every table in this schema, qualified in the SQL. */
    private static final Schema NEON = Schema.named("auth_gateway");

    private final javax.sql.DataSource dataSource = Postgres.fresh(NEON);
    private final JdbcDatabase database = new JdbcDatabase(dataSource, NEON);

    @Override
    Memories store() {
        return new JdbcMemories(database);
    }

    @Override
    JdbcMemoryVectors vectors(java.time.Duration revalidateAfter) {
        return new JdbcMemoryVectors(database, Tenancy.BY_QUERY, 1_000_000, revalidateAfter);
    }

    @Override
    UnitOfWork unitOfWork() {
        return database;
    }

    @org.junit.jupiter.api.Test
    void tablesLiveInTheAuthGatewaySchemaOnly() throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var row = statement.executeQuery("SELECT to_regclass('auth_gateway.memory_entries') IS NOT NULL,"
                     + " to_regclass('public.memory_entries') IS NULL, to_regclass('auth_gateway.users') IS NOT NULL")) {
            row.next();
            org.junit.jupiter.api.Assertions.assertTrue(row.getBoolean(1) && row.getBoolean(2) && row.getBoolean(3));
        }
    }
}
