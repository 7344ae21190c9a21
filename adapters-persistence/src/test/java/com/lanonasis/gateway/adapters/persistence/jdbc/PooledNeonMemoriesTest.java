package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The Neon flavour through a transaction-mode PgBouncer, as Neon's pooled endpoint serves it. */
class PooledNeonMemoriesTest extends MemoriesContract {

    private static final Schema NEON = Schema.named("auth_gateway");

    private JdbcDatabase database;

    @BeforeAll
    static void needsPgBouncer() {
        Assumptions.assumeTrue(PgBouncer.available(), PgBouncer.MISSING);
    }

    @Override
    Memories store() {
        database = new JdbcDatabase(PgBouncer.fresh(NEON), NEON);
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
}
