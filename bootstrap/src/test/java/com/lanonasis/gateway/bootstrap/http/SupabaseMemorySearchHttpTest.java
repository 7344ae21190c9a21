package com.lanonasis.gateway.bootstrap.http;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** MemorySearchHttpTest again with ONASIS_STORAGE=supabase: every search and write under row-level security. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupabaseMemorySearchHttpTest extends MemorySearchHttpTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresDatabases.supabase();
    }
}
