package com.lanonasis.gateway.bootstrap.http;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** AdminUpstreamsHttpTest again, with ONASIS_STORAGE=neon on a real Postgres (upstream_servers in its schema). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeonAdminUpstreamsHttpTest extends AdminUpstreamsHttpTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresDatabases.neon());
        properties.put("onasis.admin.emails", "root@upstreams.example.com");
        properties.put("onasis.upstreams.configured-one.url", "http://127.0.0.1:9/mcp");
        properties.put("onasis.upstreams.configured-one.credential-header", "X-Upstream-Key");
        properties.put("onasis.upstreams.configured-one.credential-value", "configured-secret-value");
        return properties;
    }

    @Override
    String schema() {
        return "auth_gateway.";
    }
}
