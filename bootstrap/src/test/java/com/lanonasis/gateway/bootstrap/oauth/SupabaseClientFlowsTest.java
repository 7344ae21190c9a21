package com.lanonasis.gateway.bootstrap.oauth;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** ClientFlowsTest again, with ONASIS_STORAGE=supabase on a real Postgres: a configuration change only. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupabaseClientFlowsTest extends ClientFlowsTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresDatabases.supabase();
    }
}
