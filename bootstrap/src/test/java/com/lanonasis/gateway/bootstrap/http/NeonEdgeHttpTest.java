package com.lanonasis.gateway.bootstrap.http;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** EdgeHttpTest again, with ONASIS_STORAGE=neon on a real Postgres: a configuration change only. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeonEdgeHttpTest extends EdgeHttpTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresDatabases.neon();
    }
}
