package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.Memories;
import com.lanonasis.gateway.domain.shared.UnitOfWork;

class PostgresMemoriesTest extends MemoriesContract {

    private final JdbcDatabase database = new JdbcDatabase(Postgres.fresh());

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
}
