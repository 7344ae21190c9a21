package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.application.port.out.UnitOfWork;

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
