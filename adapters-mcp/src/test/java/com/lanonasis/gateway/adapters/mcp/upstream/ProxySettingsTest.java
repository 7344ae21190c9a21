package com.lanonasis.gateway.adapters.mcp.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code onasis.upstream.*}: the seeds' defaults when unset, and a value out of range refused naming its variable. */
class ProxySettingsTest {

    /** This module's beans only; the one bean the bootstrap gives them that they need at start-up is given here. */
    private static ApplicationContext context(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).build();
        context.registerSingleton(PublicUrl.class, new PublicUrl("https://gateway.example"));
        return context.start();
    }

    @Test
    void unsetItHasTheSeedsDefaults() {
        try (ApplicationContext context = context(Map.of())) {
            ProxySettings settings = context.getBean(ProxySettings.class);
            assertEquals(Duration.ofSeconds(30), settings.connectTimeout());
            assertEquals(Duration.ofSeconds(120), settings.requestTimeout());
            assertEquals(Duration.ofMinutes(10), settings.stdio().idleTimeout());
            assertEquals(Duration.ofSeconds(120), settings.stdio().requestTimeout());
            assertEquals(32, settings.stdio().maxProcesses());
            assertEquals(4, settings.stdio().maxPerUser());
        }
    }

    @Test
    void setItIsBoundUnderTheSameNames() {
        try (ApplicationContext context = context(Map.of("onasis.upstream.request-timeout", "5s",
                "onasis.upstream.stdio.max-processes", "2", "onasis.upstream.stdio.idle-timeout", "1m"))) {
            ProxySettings settings = context.getBean(ProxySettings.class);
            assertEquals(Duration.ofSeconds(5), settings.requestTimeout());
            assertEquals(2, settings.stdio().maxProcesses());
            assertEquals(Duration.ofMinutes(1), settings.stdio().idleTimeout());
        }
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingItsVariable() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ProxySettings.Stdio(Duration.ofMinutes(10), Duration.ofSeconds(120), 0, 4));
        assertTrue(refused.getMessage().startsWith("ONASIS_UPSTREAM_STDIO_MAX_PROCESSES"), refused.getMessage());
        refused = assertThrows(IllegalArgumentException.class,
                () -> new ProxySettings(Duration.ofSeconds(-1), Duration.ofSeconds(120), null));
        assertTrue(refused.getMessage().startsWith("ONASIS_UPSTREAM_CONNECT_TIMEOUT"), refused.getMessage());
    }
}
