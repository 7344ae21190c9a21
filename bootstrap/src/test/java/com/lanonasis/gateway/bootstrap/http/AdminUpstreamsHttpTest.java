package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: administrators manage upstream MCP servers at run time through /api/v1/admin/upstreams;
 * they are stored in the identity database (every instance reads them), audited, served at once;
 * configured upstreams are listed but read-only.
 */
@MicronautTest
@Property(name = "onasis.admin.emails", value = "root@upstreams.example.com")
@Property(name = "onasis.upstreams.configured-one.url", value = "http://127.0.0.1:9/mcp")
@Property(name = "onasis.upstreams.configured-one.credential-header", value = "X-Upstream-Key")
@Property(name = "onasis.upstreams.configured-one.credential-value", value = "configured-secret-value")
class AdminUpstreamsHttpTest extends HttpTest {

    private static final String ADMIN = "/api/v1/admin/upstreams";

    @Inject
    HikariDataSource database;

    @Inject
    EmbeddedServer server;

    private Api.Account admin;

    @BeforeEach
    void firstAdmin() {
        String email = "root@upstreams.example.com";
        String password = "admin password of upstreams";
        Api.Reply registered = api.post("/v1/auth/register", Map.of("email", email, "password", password));
        assertTrue(registered.status() == 201 || registered.status() == 409, registered.toString());
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", email, "password", password));
        admin = new Api.Account(null, email, password, login.string("access_token"));
    }

    /** Where the tables are: Neon keeps them in its own schema. */
    String schema() {
        return "";
    }

    private static Map<String, Object> stdio(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("title", "Everything (stdio)");
        body.put("command", "node");
        body.put("args", List.of("server.js", "stdio"));
        body.put("env", Map.of("UPSTREAM_TOKEN", "env-secret-value"));
        body.put("required_scopes", List.of("mcp:tools"));
        body.put("allowed_emails", List.of("*@example.com"));
        body.put("api_keys", true);
        body.put("credential_header", "Authorization");
        body.put("credential_value", "Bearer upstream-secret-value");
        return body;
    }

    @Test
    void onlyAdministratorsManageUpstreams() {
        Api.Account user = api.newAccount();
        Api.Reply refused = api.get(ADMIN, user.bearer());
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("insufficient_scope", refused.string("error"));
        assertEquals(403, api.post(ADMIN, stdio("by-a-user"), user.bearer()).status());
        assertEquals(401, api.get(ADMIN).status());
    }

    @Test
    void createListUpdateDisableDeleteStoredAuditedAndNeverShowingSecrets() throws Exception {
        Api.Reply created = api.post(ADMIN, stdio("everything-a"), admin.bearer());
        assertEquals(201, created.status(), created.toString());
        assertEquals("/servers/everything-a/mcp", created.string("path"));
        assertEquals("stdio", created.string("transport"));
        assertEquals(List.of("UPSTREAM_TOKEN"), created.body().get("env_names"));
        assertEquals("Authorization", created.string("credential_header"));
        assertFalse(created.raw().contains("upstream-secret-value") || created.raw().contains("env-secret-value"),
                created.raw());
        assertEquals(409, api.post(ADMIN, stdio("everything-a"), admin.bearer()).status(), "name taken");

        Api.Reply listed = api.get(ADMIN, admin.bearer());
        assertEquals(200, listed.status());
        assertEquals("no-store", listed.header("Cache-Control"));
        List<String> names = new ArrayList<>();
        listed.list("upstreams").forEach(u -> names.add((String) u.get("name")));
        assertTrue(names.containsAll(List.of("configured-one", "everything-a")), names.toString());
        assertFalse(listed.raw().contains("configured-secret-value") || listed.raw().contains("upstream-secret-value"));
        assertEquals("upstream-secret-value", stored("everything-a", "credential_value").replace("Bearer ", ""));

        HttpResponse<String> metadata = get("/.well-known/oauth-protected-resource/servers/everything-a/mcp");
        assertEquals(200, metadata.statusCode(), "served at once");
        assertTrue(metadata.body().contains("\"resource\":\"http://localhost:4000/servers/everything-a/mcp\""));
        assertFalse(authorize("everything-a").contains("invalid_target"), "the AS accepts it as a resource");

        Map<String, Object> changed = stdio("everything-a");
        changed.remove("credential_value");
        changed.put("title", "Renamed");
        changed.put("args", List.of("other.js"));
        Api.Reply updated = api.put(ADMIN + "/everything-a", changed, admin.bearer());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("Renamed", updated.string("title"));
        assertEquals("other.js", stored("everything-a", "args"));
        assertEquals("Bearer upstream-secret-value", stored("everything-a", "credential_value"),
                "the credential is kept when the update leaves its value out");

        Api.Reply disabled = api.post(ADMIN + "/everything-a/disable", Map.of(), admin.bearer());
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals(false, disabled.body().get("enabled"));
        assertEquals(404, get("/.well-known/oauth-protected-resource/servers/everything-a/mcp").statusCode());
        assertTrue(authorize("everything-a").contains("invalid_target"), "a disabled upstream is no resource");
        assertEquals(true, api.post(ADMIN + "/everything-a/enable", Map.of(), admin.bearer()).body().get("enabled"));

        Api.Reply deleted = api.delete(ADMIN + "/everything-a", admin.bearer());
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(404, api.get(ADMIN + "/everything-a", admin.bearer()).status());
        assertEquals(404, api.delete(ADMIN + "/everything-a", admin.bearer()).status());
        assertEquals(List.of("UPSTREAM_CREATED", "UPSTREAM_UPDATED", "UPSTREAM_DISABLED", "UPSTREAM_ENABLED",
                "UPSTREAM_DELETED"), auditedTypes("everything-a"));
    }

    @Test
    void configuredUpstreamsAreReadOnly() {
        Api.Reply shown = api.get(ADMIN + "/configured-one", admin.bearer());
        assertEquals(200, shown.status(), shown.toString());
        assertEquals(true, shown.body().get("configured"));
        assertEquals("X-Upstream-Key", shown.string("credential_header"));
        assertFalse(shown.raw().contains("configured-secret-value"));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("url", "http://127.0.0.1:10/mcp"));
        for (Api.Reply conflict : List.of(api.put(ADMIN + "/configured-one", body, admin.bearer()),
                api.post(ADMIN + "/configured-one/disable", Map.of(), admin.bearer()),
                api.delete(ADMIN + "/configured-one", admin.bearer()),
                api.post(ADMIN, Map.of("name", "configured-one", "url", "http://127.0.0.1:10/mcp"), admin.bearer()))) {
            assertEquals(409, conflict.status(), conflict.toString());
            assertEquals("configured_upstream", conflict.string("error"));
        }
    }

    @Test
    void invalidUpstreamsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        Map<String, Object> both = new LinkedHashMap<>(Map.of("name", "Bad Name!", "url", "ftp://x/mcp",
                "command", "node", "required_scopes", List.of("no-such-scope"), "allowed_emails", List.of("not an email"),
                "credential_header", "Mcp-Session-Id", "credential_value", "v"));
        Api.Reply refused = api.post(ADMIN, both, admin.bearer());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("validation_failed", refused.string("error"));
        List<String> fields = new ArrayList<>();
        refused.list("details").forEach(detail -> fields.add((String) detail.get("field")));
        assertTrue(fields.containsAll(List.of("name", "command", "required_scopes", "allowed_emails",
                "credential_header")), fields.toString());
        Api.Reply badUrl = api.post(ADMIN, Map.of("name", "bad-url", "url", "http://user:pw@example.com/mcp"),
                admin.bearer());
        assertEquals(400, badUrl.status(), badUrl.toString());
        assertEquals(400, api.post(ADMIN, Map.of("name", "neither"), admin.bearer()).status());
        assertEquals(400, api.send(io.micronaut.http.HttpMethod.POST, ADMIN, "not json", admin.bearer()).status());
        assertEquals(0, count());
    }

    private String authorize(String upstream) {
        String resource = URLEncoder.encode("http://localhost:4000/servers/" + upstream + "/mcp", StandardCharsets.UTF_8);
        HttpResponse<String> response = get("/oauth/authorize?response_type=code&client_id=lanonasis-cli"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A49152%2Fcallback&scope=mcp%3Atools&state=s"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&resource=" + resource);
        return response.statusCode() + " " + response.headers().firstValue("Location").orElse("") + response.body();
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getPort() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String stored(String name, String column) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + column
                     + " FROM " + schema() + "upstream_servers WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "stored");
                return row.getString(1);
            }
        }
    }

    private int count() throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + schema() + "upstream_servers");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private List<String> auditedTypes(String upstream) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT type, details FROM " + schema() + "audit_events"
                     + " WHERE type LIKE 'UPSTREAM_%' ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (rows.getString(2).contains(upstream)) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }
}
