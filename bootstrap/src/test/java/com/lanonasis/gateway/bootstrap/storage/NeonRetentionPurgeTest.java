package com.lanonasis.gateway.bootstrap.storage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** RetentionPurgeTest again on a real Postgres (ONASIS_STORAGE=neon, schema auth_gateway). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeonRetentionPurgeTest extends RetentionPurgeTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresDatabases.neon());
        properties.put("onasis.retention.batch-size", "2");
        return properties;
    }

    @Override
    String schema() {
        return "auth_gateway.";
    }
}
