package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: ONASIS_REGISTRATION closed and allowlist through the real server, and ONASIS_ADMIN_EMAILS
 * promoting an account that already exists when an instance starts on the same database.
 */
class RegistrationModesHttpTest {

    private static Map<String, Object> settings(String... pairs) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.port", "-1");
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private static Api api(EmbeddedServer server) {
        return new Api(server.getApplicationContext().createBean(HttpClient.class, server.getURL()),
                server.getApplicationContext().getBean(JsonMapper.class));
    }

    private static Api.Reply register(Api api, String email) {
        return api.post("/v1/auth/register", Map.of("email", email, "password", "correct horse " + UUID.randomUUID()));
    }

    @Test
    void closedRegistrationRefusesEveryoneButConfiguredAdministrators() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                settings("onasis.registration.mode", "closed", "onasis.admin.emails", "ops@example.com"), "test")) {
            Api api = api(server);
            Api.Reply refused = register(api, "someone@example.com");
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("registration_closed", refused.string("error"));
            assertEquals(403, api.post("/api/v1/auth/register", Map.of("email", "other@example.com",
                    "password", "correct horse battery")).status(), "the /api/v1 spelling too");
            Api.Reply admin = register(api, "OPS@example.com");
            assertEquals(201, admin.status(), admin.toString());
            assertEquals("admin", admin.string("role"));
        }
    }

    @Test
    void anAllowlistAdmitsMatchingAddressesOnly() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                settings("onasis.registration.mode", "allowlist",
                        "onasis.registration.allowlist", "*@corp.example, guest@example.com"), "test")) {
            Api api = api(server);
            assertEquals(201, register(api, "a-" + UUID.randomUUID() + "@corp.example").status());
            assertEquals(201, register(api, "Guest@Example.com").status());
            for (String outsider : List.of("x@sub.corp.example", "x@corp.example.org", "guest2@example.com",
                    "x@notcorp.example")) {
                Api.Reply refused = register(api, outsider);
                assertEquals(403, refused.status(), outsider + " " + refused);
                assertEquals("registration_closed", refused.string("error"));
            }
        }
    }

    @Test
    void anUnknownModeStopsStartUp() {
        assertThrowsAtStartUp(settings("onasis.registration.mode", "sometimes"));
        assertThrowsAtStartUp(settings("onasis.admin.emails", "not an address"));
    }

    private static void assertThrowsAtStartUp(Map<String, Object> settings) {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings, "test")) {
            throw new AssertionError("started with " + settings + " on " + server.getURI());
        } catch (RuntimeException expected) {
            assertTrue(String.valueOf(expected).contains("registration") || String.valueOf(expected).contains("email"),
                    String.valueOf(expected));
        }
    }

    @Test
    void anExistingAccountNamedInTheSettingBecomesAdminAtStartUpAndItIsAudited() {
        String database = "jdbc:h2:mem:promote-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String email = "later-admin-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse " + UUID.randomUUID();
        String id;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class,
                settings("onasis.database.url", database), "test")) {
            Api.Reply registered = api(first).post("/v1/auth/register", Map.of("email", email, "password", password));
            assertEquals("user", registered.string("role"));
            id = registered.string("id");
        }
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class,
                settings("onasis.database.url", database, "onasis.admin.emails", email.toUpperCase()), "test")) {
            Api api = api(second);
            String token = api.post("/v1/auth/login", Map.of("email", email, "password", password))
                    .string("access_token");
            Api.Reply audit = api.get("/api/v1/admin/audit?type=ROLE_CHANGED&user=" + id,
                    "Authorization", "Bearer " + token);
            assertEquals(200, audit.status(), audit.toString());
            assertEquals(Map.of("from", "user", "to", "admin", "by", "ONASIS_ADMIN_EMAILS"),
                    audit.list("events").get(0).get("details"));
        }
        try (EmbeddedServer third = ApplicationContext.run(EmbeddedServer.class,
                settings("onasis.database.url", database, "onasis.admin.emails", email), "test")) {
            String token = api(third).post("/v1/auth/login", Map.of("email", email, "password", password))
                    .string("access_token");
            assertEquals(1, api(third).get("/api/v1/admin/audit?type=ROLE_CHANGED&user=" + id,
                    "Authorization", "Bearer " + token).list("events").size(), "promoted once, not at every start");
        }
    }
}
