package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.embedded.inmemory.InMemoryMemories;
import com.lanonasis.gateway.embedded.inmemory.InMemoryMemoryVectors;

/**
 * The embedded core's memory and vector stores keep the same contract as the databases. There is no
 * cache to revalidate: every "instance" is the one store, so what one writes the other sees.
 */
class InMemoryMemoriesTest extends MemoriesContract {

    private final InMemoryDatabase database = new InMemoryDatabase();
    private final InMemoryMemories store = new InMemoryMemories(database);
    private final InMemoryMemoryVectors vectors = new InMemoryMemoryVectors(database, store);

    @Override
    Memories store() {
        return store;
    }

    @Override
    MemoryVectors vectors(java.time.Duration revalidateAfter) {
        return vectors;
    }

    @Override
    UnitOfWork unitOfWork() {
        return database;
    }
}
