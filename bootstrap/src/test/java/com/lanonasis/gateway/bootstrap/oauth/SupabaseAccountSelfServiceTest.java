package com.lanonasis.gateway.bootstrap.oauth;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** AccountSelfServiceTest again, with ONASIS_STORAGE=supabase on a real Postgres: a configuration change only. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupabaseAccountSelfServiceTest extends AccountSelfServiceTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresDatabases.supabase());
        properties.put("onasis.admin.emails", "sessions-admin@example.com");
        return properties;
    }
}
