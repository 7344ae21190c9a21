package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Supabase flavour through a transaction-mode PgBouncer: the role and the caller's claims are
 * set per transaction (SET LOCAL), so row-level security holds whichever server connection runs it.
 */
class PooledSupabaseMemoriesTest extends MemoriesContract {

    private JdbcDatabase database;

    @BeforeAll
    static void needsPgBouncer() {
        Assumptions.assumeTrue(PgBouncer.available(), PgBouncer.MISSING);
    }

    @Override
    Memories store() {
        database = new JdbcDatabase(Supabase.freshPooled());
        return new JdbcMemories(database, Tenancy.ROW_LEVEL_SECURITY);
    }

    @Override
    JdbcMemoryVectors vectors(java.time.Duration revalidateAfter) {
        return new JdbcMemoryVectors(database, Tenancy.ROW_LEVEL_SECURITY, 1_000_000, revalidateAfter);
    }

    @Override
    UnitOfWork unitOfWork() {
        return database;
    }
}
