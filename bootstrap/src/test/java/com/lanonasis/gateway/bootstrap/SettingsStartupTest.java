package com.lanonasis.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settings records are bound from the keys and defaults of application.yml, and a bad value stops
 * start-up with one line naming its environment variable.
 */
class SettingsStartupTest {

    private static String startUpLine(Map<String, Object> settings) {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(EmbeddedServer.class, settings, "test").close());
        String line = Application.configurationProblem(failure).orElseThrow(() -> failure);
        assertFalse(line.contains("\n"), line);
        return line;
    }

    @Test
    void theRecordsHoldTheConfiguredValuesAndDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("onasis.oauth.access-token-lifetime", "7m",
                "onasis.retention.batch-size", "250", "onasis.request-log.queue-capacity", "64",
                "onasis.admin.emails", "root@example.com"), "test")) {
            OAuthProperties oauth = context.getBean(OAuthProperties.class);
            assertEquals(Duration.ofMinutes(7), oauth.accessTokenLifetime());
            assertEquals(Duration.ofMinutes(5), oauth.codeLifetime());
            assertEquals(Duration.ofDays(30), oauth.refreshTokenLifetime());
            assertEquals(Duration.ofMinutes(10), oauth.consentLifetime());
            assertEquals(List.of("", "/mcp", "/api/v1"), oauth.resourcePaths());
            assertTrue(oauth.scopes().contains("memories:read"), oauth.scopes().toString());
            assertEquals(20, oauth.registrationsPerMinute());
            assertEquals(5120, context.getBean(MetadataDocumentProperties.class).maxBytes());
            assertEquals(Duration.ofMinutes(15), context.getBean(LoginLockoutProperties.class).window());
            assertEquals(Duration.ofHours(24), context.getBean(ApiKeyProperties.class).rotationGrace());
            assertEquals(1, context.getBean(AdminProperties.class).admins().addresses().size());
            RetentionProperties retention = context.getBean(RetentionProperties.class);
            assertEquals(250, retention.batchSize());
            assertEquals(Duration.ofDays(90), retention.audit());
            assertEquals(64, context.getBean(RequestLogProperties.class).queueCapacity());
            assertEquals(500, context.getBean(RequestLogProperties.class).batchSize());
            assertEquals(Duration.ofSeconds(5), context.getBean(UpstreamProperties.class).refreshEvery());
        }
    }

    @Test
    void anUnknownAccessTokenFormatStopsStartUp() {
        String line = startUpLine(Map.of("onasis.oauth.access-token-format", "paseto"));

        assertTrue(line.startsWith("ONASIS_OAUTH_ACCESS_TOKEN_FORMAT (onasis.oauth.access-token-format) "
                + "must be jwt or opaque, not paseto"), line);
    }

    @Test
    void aNegativeRetentionStopsStartUp() {
        String line = startUpLine(Map.of("onasis.retention.request-log", "-1d"));

        assertTrue(line.startsWith("ONASIS_RETENTION_REQUEST_LOG (onasis.retention.request-log) must be a positive"),
                line);
    }

    @Test
    void aMisspeltRequestLogStoreStopsStartUp() {
        String line = startUpLine(Map.of("onasis.request-log.store", "databse"));

        assertTrue(line.startsWith("ONASIS_REQUEST_LOG_STORE (onasis.request-log.store) must be database or redis"),
                line);
    }
}
