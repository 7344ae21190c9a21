package com.lanonasis.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.identity.RegistrationPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each settings record refuses the value that would otherwise fail later or silently, naming its variable. */
class SettingsRecordsTest {

    private static final Duration NEGATIVE = Duration.ofSeconds(-1);

    private static String refused(Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }

    private static OAuthProperties oauth(Duration code, String format, int maxClients, List<String> resourceServers) {
        return new OAuthProperties(code, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofMinutes(10),
                Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(12), null, format, maxClients, 20,
                List.of("memories:read"), resourceServers);
    }

    @Test
    void oauth() {
        OAuthProperties valid = oauth(Duration.ofMinutes(5), "opaque", 0, List.of("rs=https://rs.example/api", " "));
        assertTrue(valid.opaqueAccessTokens());
        assertEquals(List.of("", "/mcp", "/api/v1"), valid.resourcePaths());

        assertTrue(refused(() -> oauth(Duration.ZERO, "jwt", 1, null)).startsWith(
                "ONASIS_OAUTH_CODE_LIFETIME (onasis.oauth.code-lifetime) must be a positive duration"));
        assertTrue(refused(() -> oauth(Duration.ofMinutes(5), "JWT ", 1, null)).startsWith(
                "ONASIS_OAUTH_ACCESS_TOKEN_FORMAT (onasis.oauth.access-token-format) must be jwt or opaque, not JWT"));
        assertTrue(refused(() -> oauth(Duration.ofMinutes(5), "jwt", -1, null)).startsWith(
                "ONASIS_OAUTH_MAX_DYNAMIC_CLIENTS (onasis.oauth.max-dynamic-clients) must be at least 0"));
        assertTrue(refused(() -> oauth(Duration.ofMinutes(5), "jwt", 1, List.of("https://rs.example"))).startsWith(
                "ONASIS_OAUTH_RESOURCE_SERVERS (onasis.oauth.resource-servers: expected client_id=resource"));
    }

    @Test
    void metadataDocuments() {
        new MetadataDocumentProperties(5120, Duration.ofSeconds(3), Duration.ZERO, Duration.ZERO, 1, false,
                Duration.ZERO);
        assertTrue(refused(() -> new MetadataDocumentProperties(0, Duration.ofSeconds(3), Duration.ofMinutes(1),
                Duration.ofHours(24), 1000, false, Duration.ofSeconds(30)))
                .startsWith("ONASIS_OAUTH_CIMD_MAX_BYTES (onasis.oauth.cimd.max-bytes) must be at least 1"));
        assertTrue(refused(() -> new MetadataDocumentProperties(5120, Duration.ofSeconds(3), Duration.ofHours(2),
                Duration.ofHours(1), 1000, false, Duration.ofSeconds(30)))
                .startsWith("ONASIS_OAUTH_CIMD_MAX_CACHE (onasis.oauth.cimd.max-cache) must not be below"));
        assertTrue(refused(() -> new MetadataDocumentProperties(5120, Duration.ofSeconds(3), Duration.ofMinutes(1),
                Duration.ofHours(24), 1000, false, NEGATIVE))
                .startsWith("ONASIS_OAUTH_CIMD_FAILURE_CACHE (onasis.oauth.cimd.failure-cache)"));
    }

    @Test
    void loginLockout() {
        new LoginLockoutProperties(1, 1, Duration.ofSeconds(1));
        assertTrue(refused(() -> new LoginLockoutProperties(0, 100, Duration.ofMinutes(15)))
                .startsWith("ONASIS_LOGIN_MAX_FAILURES (onasis.edge.login-lockout.max-failures) must be at least 1"));
        assertTrue(refused(() -> new LoginLockoutProperties(10, 100, NEGATIVE))
                .startsWith("ONASIS_LOGIN_LOCKOUT_WINDOW (onasis.edge.login-lockout.window) must be a positive"));
    }

    @Test
    void userTokensAndApiKeys() {
        assertTrue(refused(() -> new TokenProperties(Duration.ZERO))
                .startsWith("ONASIS_USER_TOKEN_LIFETIME (onasis.tokens.user-token-lifetime) must be a positive"));
        assertEquals(Duration.ZERO, new ApiKeyProperties(Duration.ZERO).rotationGrace()); // 0s: no grace, allowed
        assertTrue(refused(() -> new ApiKeyProperties(NEGATIVE))
                .startsWith("ONASIS_API_KEY_ROTATION_GRACE (onasis.api-keys.rotation-grace) must be a duration of zero"));
    }

    @Test
    void adminsAndRegistration() {
        assertEquals(0, new AdminProperties(null).admins().addresses().size());
        assertEquals(2, new AdminProperties("a@example.com, b@example.com").admins().addresses().size());
        assertTrue(refused(() -> new AdminProperties("a@example.com,not-an-address"))
                .startsWith("ONASIS_ADMIN_EMAILS (onasis.admin.emails): "));

        assertEquals(RegistrationPolicy.Mode.ALLOWLIST,
                new RegistrationProperties("allowlist", "*@example.com").policy().mode());
        assertTrue(refused(() -> new RegistrationProperties("invite", null))
                .startsWith("ONASIS_REGISTRATION (onasis.registration.mode): "));
        assertTrue(refused(() -> new RegistrationProperties("allowlist", "*@*.example.com"))
                .startsWith("ONASIS_REGISTRATION_ALLOWLIST (onasis.registration.allowlist): "));
    }

    @Test
    void retention() {
        new RetentionProperties(Duration.ofDays(1), Duration.ofDays(1), Duration.ofMinutes(1), Duration.ZERO, 1, 1);
        assertTrue(refused(() -> new RetentionProperties(NEGATIVE, Duration.ofDays(14), Duration.ofMinutes(10),
                Duration.ofMinutes(1), 1000, 100))
                .startsWith("ONASIS_RETENTION_AUDIT (onasis.retention.audit) must be a positive duration"));
        assertTrue(refused(() -> new RetentionProperties(Duration.ofDays(90), Duration.ofDays(14), Duration.ZERO,
                Duration.ofMinutes(1), 1000, 100))
                .startsWith("ONASIS_RETENTION_INTERVAL (onasis.retention.interval)"));
        assertTrue(refused(() -> new RetentionProperties(Duration.ofDays(90), Duration.ofDays(14),
                Duration.ofMinutes(10), Duration.ofMinutes(1), 0, 100))
                .startsWith("ONASIS_RETENTION_BATCH_SIZE (onasis.retention.batch-size) must be at least 1"));
    }

    @Test
    void requestLog() {
        new RequestLogProperties(1, 1, "redis", 1);
        assertTrue(refused(() -> new RequestLogProperties(0, 500, "database", 1_000_000))
                .startsWith("ONASIS_REQUEST_LOG_QUEUE (onasis.request-log.queue-capacity) must be at least 1"));
        assertTrue(refused(() -> new RequestLogProperties(10_000, 500, "postgres", 1_000_000))
                .startsWith("ONASIS_REQUEST_LOG_STORE (onasis.request-log.store) must be database or redis, not postgres"));
    }

    @Test
    void upstreams() {
        new UpstreamProperties(Duration.ofMillis(1), Duration.ofMillis(1));
        assertTrue(refused(() -> new UpstreamProperties(Duration.ZERO, Duration.ofSeconds(2)))
                .startsWith("ONASIS_UPSTREAM_REFRESH_EVERY (onasis.upstream.refresh-every) must be a positive"));
        assertTrue(refused(() -> new UpstreamProperties(Duration.ofSeconds(5), NEGATIVE))
                .startsWith("ONASIS_UPSTREAM_HEALTH_TIMEOUT (onasis.upstream.health-timeout) must be a positive"));
    }
}
