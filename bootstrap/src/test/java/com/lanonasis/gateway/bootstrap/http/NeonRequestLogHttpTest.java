package com.lanonasis.gateway.bootstrap.http;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** RequestLogHttpTest again with ONASIS_STORAGE=neon on a real Postgres (hourly buckets, batches, schema). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeonRequestLogHttpTest extends RequestLogHttpTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresDatabases.neon());
        properties.put("onasis.admin.emails", "logs-admin@example.com, logs-other@example.com");
        properties.put("onasis.credentials.recheck-period", "1s");
        return properties;
    }

    @Override
    String schema() {
        return "auth_gateway.";
    }
}
