package com.lanonasis.gateway.bootstrap.http;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** MemorySearchHttpTest again with ONASIS_STORAGE=neon on a real Postgres: full-text by tsvector + GIN. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeonMemorySearchHttpTest extends MemorySearchHttpTest implements TestPropertyProvider {

    @Override
    String vectorTable() {
        return "auth_gateway.memory_vectors";
    }

    @Override
    public Map<String, String> getProperties() {
        return PostgresDatabases.neon();
    }
}
