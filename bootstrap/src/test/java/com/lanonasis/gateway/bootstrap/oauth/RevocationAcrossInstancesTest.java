package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/**
 * Issue 16: credential records are cached in each instance (docs/performance.md), and a revocation
 * still takes effect at once everywhere. Two instances share one Postgres and one Redis; each
 * credential is first used on instance B (so B holds it in its cache), then revoked on instance A,
 * and the very next request on B must be refused: an API key, an OAuth access token, a browser
 * session, and an administrator's role. OAuth clients are cached the same way: a client used on B,
 * then disabled, given a new secret, or deleted on A, is refused ({@code 401 invalid_client}) by the
 * very next token request on B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationAcrossInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "revoker@admin.example.com";
    private static final String USER = "revoked@user.example.com";
    private static final String PASSWORD = "a password for both";

    private final HttpClient http = HttpClient.newHttpClient();
    private RedisServer redis;
    private EmbeddedServer a;
    private EmbeddedServer b;
    private URI baseA;
    private URI baseB;

    @BeforeAll
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new RedisServer(port);
        redis.start();
        Map<String, Object> shared = new HashMap<>(PostgresDatabases.neon());
        shared.put("onasis.ephemeral", "redis");
        shared.put("onasis.redis.url", "redis://127.0.0.1:" + port);
        shared.put("onasis.admin.emails", ADMIN);
        shared.put("onasis.edge.rate-limits.enabled", "false");
        shared.put("micronaut.server.port", "-1");
        a = ApplicationContext.run(EmbeddedServer.class, shared, "test");
        b = ApplicationContext.run(EmbeddedServer.class, shared, "test");
        baseA = a.getURI();
        baseB = b.getURI();
        assertEquals(201, post(baseA, "/v1/auth/register", Map.of("email", ADMIN, "password", PASSWORD), null)
                .statusCode());
        assertEquals(201, post(baseA, "/v1/auth/register", Map.of("email", USER, "password", PASSWORD), null)
                .statusCode());
    }

    @AfterAll
    void stop() throws IOException {
        if (b != null) {
            b.getApplicationContext().close();
        }
        if (a != null) {
            a.getApplicationContext().close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void aRevokedApiKeyIsRefusedByTheVeryNextRequestOnTheOtherInstance() throws Exception {
        String login = login(baseA, USER);
        Map<?, ?> key = body(post(baseA, "/api/v1/auth/api-keys", Map.of("name", "across"), bearer(login)));
        String secret = (String) key.get("key");
        String memory = memoryOf(secret);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get(baseB, "/api/v1/memory/" + memory, "X-API-Key", secret).statusCode(),
                    "the key works on B (and is now in B's cache)");
        }

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(baseA.resolve("/api/v1/auth/api-keys/"
                + key.get("id"))).header("Authorization", "Bearer " + login).DELETE().build());
        assertTrue(revoked.statusCode() == 200 || revoked.statusCode() == 204, revoked.body());

        HttpResponse<String> next = get(baseB, "/api/v1/memory/" + memory, "X-API-Key", secret);
        assertEquals(401, next.statusCode(), next.body());
        assertEquals("invalid_api_key", body(next).get("error"), next.body());
    }

    @Test
    void aRevokedOAuthTokenIsRefusedByTheVeryNextRequestOnTheOtherInstance() throws Exception {
        String login = login(baseA, USER);
        String client = (String) body(post(baseA, "/register", Map.of("client_name", "across",
                "grant_types", List.of("authorization_code", "refresh_token"), "response_types", List.of("code"),
                "redirect_uris", List.of("http://127.0.0.1:1/cb"), "token_endpoint_auth_method", "none",
                "scope", "memories:read memories:write"), null)).get("client_id");
        HttpResponse<String> exchanged = post(baseA, "/legacy/exchange", Map.of("token", login, "client_id", client,
                "scope", "memories:read memories:write"), null);
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        String token = (String) body(exchanged).get("access_token");
        String memory = memoryOfBearer(token);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get(baseB, "/api/v1/memory/" + memory, "Authorization", "Bearer " + token)
                    .statusCode(), "the token works on B (and is now in B's cache)");
        }

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(baseA.resolve("/oauth/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8))).build());
        assertEquals(200, revoked.statusCode(), revoked.body());

        HttpResponse<String> next = get(baseB, "/api/v1/memory/" + memory, "Authorization", "Bearer " + token);
        assertEquals(401, next.statusCode(), next.body());
        assertEquals("invalid_token", body(next).get("error"), next.body());
    }

    @Test
    void anEndedBrowserSessionIsRefusedByTheVeryNextRequestOnTheOtherInstance() throws Exception {
        Browser browser = Browser.chromium(baseA, Browser.originOf(baseA));
        HttpResponse<String> page = browser.get("/web/login");
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(page));
        form.put("email", USER);
        form.put("password", PASSWORD);
        form.put("return_to", "/web/login");
        assertEquals(303, browser.post("/web/login", form).statusCode());
        String cookie = "onasis_session=" + browser.cookie("onasis_session");
        assertEquals(200, get(baseB, "/api/v1/account", "Cookie", cookie).statusCode(), "the session works on B");

        String login = login(baseA, USER);
        HttpResponse<String> sessions = get(baseA, "/api/v1/account/sessions", "Authorization", "Bearer " + login);
        assertEquals(200, sessions.statusCode(), sessions.body());
        for (Object session : (List<?>) body(sessions).get("sessions")) {
            HttpResponse<String> ended = send(HttpRequest.newBuilder(baseA.resolve("/api/v1/account/sessions/"
                    + ((Map<?, ?>) session).get("id"))).header("Authorization", "Bearer " + login).DELETE().build());
            assertTrue(ended.statusCode() == 200 || ended.statusCode() == 204, ended.body());
        }

        HttpResponse<String> next = get(baseB, "/api/v1/account", "Cookie", cookie);
        assertEquals(401, next.statusCode(), next.body());
        assertEquals("invalid_session", body(next).get("error"), next.body());
    }

    @Test
    void aDemotedAdministratorIsRefusedByTheVeryNextAdminRequestOnTheOtherInstance() throws Exception {
        String admin = login(baseA, ADMIN);
        String promotedEmail = "promoted@user.example.com";
        HttpResponse<String> registered = post(baseA, "/v1/auth/register",
                Map.of("email", promotedEmail, "password", PASSWORD), null);
        assertEquals(201, registered.statusCode(), registered.body());
        String promotedId = (String) ((Map<?, ?>) body(post(baseA, "/v1/auth/login",
                Map.of("email", promotedEmail, "password", PASSWORD), null)).get("user")).get("id");
        assertEquals(200, put(baseA, "/api/v1/admin/users/" + promotedId + "/role", Map.of("role", "admin"), admin)
                .statusCode());
        String promoted = login(baseA, promotedEmail);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> listed = get(baseB, "/api/v1/admin/users", "Authorization", "Bearer " + promoted);
            assertEquals(200, listed.statusCode(), "an administrator on B (now in B's cache): " + listed.body());
        }

        assertEquals(200, put(baseA, "/api/v1/admin/users/" + promotedId + "/role", Map.of("role", "user"), admin)
                .statusCode());

        HttpResponse<String> next = get(baseB, "/api/v1/admin/users", "Authorization", "Bearer " + promoted);
        assertEquals(403, next.statusCode(), next.body());
    }

    @Test
    void aClientDisabledOnOneInstanceIsRefusedByTheVeryNextTokenRequestOnTheOther() throws Exception {
        Map<?, ?> client = confidentialClient("disabled across");
        String basic = basic(client, (String) client.get("client_secret"));
        String id = (String) client.get("client_id");
        usedOnB(basic);

        String admin = login(baseA, ADMIN);
        HttpResponse<String> disabled = send(HttpRequest.newBuilder(baseA.resolve("/api/v1/admin/clients/" + id
                + "/disable")).header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, disabled.statusCode(), disabled.body());
        refusedOnB(basic);

        HttpResponse<String> enabled = send(HttpRequest.newBuilder(baseA.resolve("/api/v1/admin/clients/" + id
                + "/enable")).header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertEquals(200, clientCredentials(baseB, basic).statusCode(), "enabled again on A, seen on B");
    }

    @Test
    void aClientsOldSecretIsRefusedByTheVeryNextTokenRequestOnTheOtherInstanceOnceItChanged() throws Exception {
        Map<?, ?> client = confidentialClient("rotated across");
        String id = (String) client.get("client_id");
        String oldSecret = (String) client.get("client_secret");
        String registration = (String) client.get("registration_access_token");
        usedOnB(basic(client, oldSecret));

        // RFC 7592 updates keep a confidential client's secret; going public and back issues a new one
        Map<String, Object> publicMetadata = new HashMap<>(metadata("rotated across"));
        publicMetadata.put("client_id", id);
        publicMetadata.put("token_endpoint_auth_method", "none");
        publicMetadata.put("grant_types", List.of("authorization_code"));
        HttpResponse<String> madePublic = put(baseA, "/register/" + id, publicMetadata, registration);
        assertEquals(200, madePublic.statusCode(), madePublic.body());
        refusedOnB(basic(client, oldSecret));

        Map<String, Object> confidential = new HashMap<>(metadata("rotated across"));
        confidential.put("client_id", id);
        HttpResponse<String> rotated = put(baseA, "/register/" + id, confidential, registration);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = (String) body(rotated).get("client_secret");
        assertTrue(newSecret != null && !newSecret.equals(oldSecret), rotated.body());
        refusedOnB(basic(client, oldSecret));
        assertEquals(200, clientCredentials(baseB, basic(client, newSecret)).statusCode(), "the new secret works on B");
    }

    @Test
    void aClientDeletedOnOneInstanceIsRefusedByTheVeryNextTokenRequestOnTheOther() throws Exception {
        Map<?, ?> client = confidentialClient("deleted across");
        String basic = basic(client, (String) client.get("client_secret"));
        usedOnB(basic);

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(baseA.resolve("/register/"
                + client.get("client_id"))).header("Authorization", "Bearer " + client.get("registration_access_token"))
                .DELETE().build());
        assertEquals(204, deleted.statusCode(), deleted.body());
        refusedOnB(basic);
    }

    /**
     * client_credentials tokens are self-contained (no row): issued on A, active on B; revoked on A (its
     * jti on the deny-list), inactive at B's very next introspection and refused as a bearer on B.
     */
    @Test
    void aSelfContainedClientTokenRevokedOnOneInstanceIsInactiveAtTheVeryNextIntrospectionOnTheOther()
            throws Exception {
        Map<?, ?> client = confidentialClient("self-contained across");
        String basic = basic(client, (String) client.get("client_secret"));
        HttpResponse<String> issued = clientCredentials(baseA, basic);
        assertEquals(200, issued.statusCode(), issued.body());
        String token = (String) body(issued).get("access_token");
        for (int i = 0; i < 3; i++) {
            Map<?, ?> active = introspect(baseB, basic, token);
            assertEquals(Boolean.TRUE, active.get("active"), "issued on A, active on B (now in B's caches)");
            assertTrue(((String) active.get("jti")).startsWith("cc-"), "a self-contained token: " + active);
        }

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(baseA.resolve("/oauth/revoke"))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token,
                        StandardCharsets.UTF_8))).build());
        assertEquals(200, revoked.statusCode(), revoked.body());

        assertEquals(Boolean.FALSE, introspect(baseB, basic, token).get("active"), "revoked on A: inactive on B");
        HttpResponse<String> bearer = get(baseB, "/api/v1/memory", "Authorization", "Bearer " + token);
        assertEquals(401, bearer.statusCode(), bearer.body());
        assertEquals("invalid_token", body(bearer).get("error"), bearer.body());
        String other = (String) body(clientCredentials(baseB, basic)).get("access_token");
        assertEquals(Boolean.TRUE, introspect(baseA, basic, other).get("active"), "the client's other tokens live");
    }

    /**
     * Disabling a client on A revokes its self-contained tokens on B: while it is disabled nothing of it
     * is accepted (its client authentication fails), and its tokens issued before stay inactive once it
     * is enabled again, as stored tokens did (the deny-list's client row), while new ones work.
     */
    @Test
    void aClientDisabledOnOneInstanceHasItsSelfContainedTokensInactiveOnTheOther() throws Exception {
        Map<?, ?> client = confidentialClient("disabled tokens across");
        String basic = basic(client, (String) client.get("client_secret"));
        String id = (String) client.get("client_id");
        String token = (String) body(clientCredentials(baseA, basic)).get("access_token");
        for (int i = 0; i < 3; i++) {
            assertEquals(Boolean.TRUE, introspect(baseB, basic, token).get("active"), "active on B, cached there");
        }

        String admin = login(baseA, ADMIN);
        HttpResponse<String> disabled = send(HttpRequest.newBuilder(baseA.resolve("/api/v1/admin/clients/" + id
                + "/disable")).header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, disabled.statusCode(), disabled.body());
        HttpResponse<String> whileDisabled = introspectRaw(baseB, basic, token);
        assertEquals(401, whileDisabled.statusCode(), whileDisabled.body());
        assertEquals("invalid_client", body(whileDisabled).get("error"));

        HttpResponse<String> enabled = send(HttpRequest.newBuilder(baseA.resolve("/api/v1/admin/clients/" + id
                + "/enable")).header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertEquals(Boolean.FALSE, introspect(baseB, basic, token).get("active"), "revoked by the disabling");
        // at once, in the same second as the disabling: the jti carries the issue time to the millisecond
        String fresh = (String) body(clientCredentials(baseB, basic)).get("access_token");
        assertEquals(Boolean.TRUE, introspect(baseA, basic, fresh).get("active"), "a token issued after works");
    }

    private Map<?, ?> introspect(URI base, String basic, String token) throws Exception {
        HttpResponse<String> answer = introspectRaw(base, basic, token);
        assertEquals(200, answer.statusCode(), answer.body());
        return body(answer);
    }

    private HttpResponse<String> introspectRaw(URI base, String basic, String token) {
        return send(HttpRequest.newBuilder(base.resolve("/oauth/introspect"))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token,
                        StandardCharsets.UTF_8))).build());
    }

    private static Map<String, Object> metadata(String name) {
        return Map.of("client_name", name, "grant_types", List.of("client_credentials", "authorization_code"),
                "response_types", List.of("code"), "redirect_uris", List.of("http://127.0.0.1:1/cb"),
                "token_endpoint_auth_method", "client_secret_basic", "scope", "memories:read");
    }

    private Map<?, ?> confidentialClient(String name) throws Exception {
        HttpResponse<String> registered = post(baseA, "/register", metadata(name), null);
        assertEquals(201, registered.statusCode(), registered.body());
        return body(registered);
    }

    private static String basic(Map<?, ?> client, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((client.get("client_id") + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Three tokens on B (so B holds the client in its cache), each introspected at once on A. */
    private void usedOnB(String basic) throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> issued = clientCredentials(baseB, basic);
            assertEquals(200, issued.statusCode(), "the client works on B (and is now in B's cache): " + issued.body());
            String token = (String) body(issued).get("access_token");
            HttpResponse<String> introspected = send(HttpRequest.newBuilder(baseA.resolve("/oauth/introspect"))
                    .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token,
                            StandardCharsets.UTF_8))).build());
            assertEquals(200, introspected.statusCode(), introspected.body());
            assertEquals(Boolean.TRUE, body(introspected).get("active"), "a token B answered is active on A at once");
        }
    }

    private void refusedOnB(String basic) throws Exception {
        HttpResponse<String> next = clientCredentials(baseB, basic);
        assertEquals(401, next.statusCode(), next.body());
        assertEquals("invalid_client", body(next).get("error"), next.body());
    }

    private HttpResponse<String> clientCredentials(URI base, String basic) {
        return send(HttpRequest.newBuilder(base.resolve("/oauth/token")).header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    private String memoryOf(String apiKey) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(baseA.resolve("/api/v1/memory"))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"content\":\"c\"}")).build());
        assertEquals(201, created.statusCode(), created.body());
        return (String) body(created).get("id");
    }

    private String memoryOfBearer(String token) throws Exception {
        HttpResponse<String> created = post(baseA, "/api/v1/memory", Map.of("title", "t", "content", "c"),
                bearer(token));
        assertEquals(201, created.statusCode(), created.body());
        return (String) body(created).get("id");
    }

    private String login(URI base, String email) throws Exception {
        HttpResponse<String> login = post(base, "/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertEquals(200, login.statusCode(), login.body());
        return (String) body(login).get("access_token");
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private HttpResponse<String> post(URI base, String path, Map<String, ?> json, String[] headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json)));
        if (headers != null) {
            request.header(headers[0], headers[1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> put(URI base, String path, Map<String, ?> json, String token) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))).build());
    }

    private HttpResponse<String> get(URI base, String path, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(header, value).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<?, ?> body(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }
}
