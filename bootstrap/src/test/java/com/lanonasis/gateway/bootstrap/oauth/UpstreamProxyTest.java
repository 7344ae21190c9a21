package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.bootstrap.support.RecordingUpstream;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14: upstream MCP servers behind the gateway, each an OAuth protected resource of its own,
 * proxied over Streamable HTTP to a real socket server that records what it receives.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamProxyTest extends OAuthTestSupport implements TestPropertyProvider {

    static final String ISSUER = "http://localhost:4000";
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
            + "\"arguments\":{}}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingUpstream recorder = startRecorder();

    private static RecordingUpstream startRecorder() {
        try {
            return new RecordingUpstream();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("onasis.credentials.recheck-period", "1s");
        properties.put("onasis.upstreams.recorder.url", recorder.url());
        properties.put("onasis.upstreams.recorder.credential-header", "X-Upstream-Key");
        properties.put("onasis.upstreams.recorder.credential-value", "upstream-secret");
        properties.put("onasis.upstreams.keyed.url", recorder.url());
        properties.put("onasis.upstreams.keyed.api-keys", "true");
        properties.put("onasis.upstreams.staff.url", recorder.url());
        properties.put("onasis.upstreams.staff.allowed-emails", "*@staff.example.com");
        properties.put("onasis.upstreams.scoped.url", recorder.url());
        properties.put("onasis.upstreams.scoped.required-scopes", "memories:delete");
        properties.put("onasis.upstreams.down.url", "http://127.0.0.1:" + closedPort() + "/mcp");
        return properties;
    }

    @BeforeEach
    void fresh() {
        recorder.clear();
        base = URI.create("http://127.0.0.1:" + server.getPort()); // a host the MCP endpoints serve
    }

    @AfterAll
    void stop() {
        recorder.close();
    }

    static String resource(String name) {
        return ISSUER + "/servers/" + name + "/mcp";
    }

    String tokenFor(Scope scope, String... resources) {
        URI[] uris = java.util.Arrays.stream(resources).map(URI::create).toArray(URI[]::new);
        Authorized authorized = authorizeThroughPages(new Browser(base), scope, uris);
        TokenResponse response = redeem(CLI, authorized);
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    HttpResponse<String> mcp(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    @Test
    void eachUpstreamPublishesItsOwnProtectedResourceMetadata() throws Exception {
        HttpResponse<String> metadata = send(HttpRequest.newBuilder(
                endpoint("/.well-known/oauth-protected-resource/servers/scoped/mcp")).GET().build());
        assertEquals(200, metadata.statusCode(), metadata.body());
        Map<?, ?> body = JSON.readValue(metadata.body(), Map.class);
        assertEquals(resource("scoped"), body.get("resource"));
        assertEquals(List.of(ISSUER), body.get("authorization_servers"));
        assertEquals(List.of("memories:delete"), body.get("scopes_supported"));
        assertEquals(404, send(HttpRequest.newBuilder(endpoint("/.well-known/oauth-protected-resource/servers/nope/mcp"))
                .GET().build()).statusCode());
    }

    @Test
    void withoutACredentialTheChallengePointsAtTheUpstreamsMetadata() {
        HttpResponse<String> refused = mcp("/servers/recorder/mcp", INITIALIZE, Map.of());
        assertEquals(401, refused.statusCode(), refused.body());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("resource_metadata=\"" + ISSUER
                + "/.well-known/oauth-protected-resource/servers/recorder/mcp\""), challenge);
        assertTrue(challenge.contains("scope=\"mcp:tools\""), challenge);
        assertTrue(recorder.received().isEmpty(), "nothing reached the upstream");
        assertEquals(404, mcp("/servers/nope/mcp", INITIALIZE, Map.of()).statusCode());
    }

    @Test
    void aTokenForTheUpstreamIsRelayedWithIdentityHeadersAndNeverTheClientsCredential() throws Exception {
        String token = tokenFor(new Scope("mcp:tools", "memories:read"), resource("recorder"));
        assertEquals(List.of(resource("recorder")), audience(token), "exactly the upstream's audience");

        HttpResponse<String> initialized = mcp("/servers/recorder/mcp", INITIALIZE,
                Map.of("Authorization", "Bearer " + token, "Cookie", "onasis_session=x",
                        "X-Onasis-User-Id", "forged", "MCP-Protocol-Version", "2025-11-25"));
        assertEquals(200, initialized.statusCode(), initialized.body());
        assertEquals("upstream-session-1", initialized.headers().firstValue("Mcp-Session-Id").orElse(null));
        assertTrue(initialized.body().contains("\"serverInfo\""), initialized.body());
        assertTrue(initialized.headers().firstValue("WWW-Authenticate").isEmpty(), "upstream challenges stay there");

        RecordingUpstream.Received seen = recorder.received().get(0);
        assertNull(seen.header("Authorization"), "the client's token never reaches the upstream");
        assertNull(seen.header("X-API-Key"));
        assertNull(seen.header("Cookie"));
        assertFalse(seen.headers().toString().contains(token), "the token appears in no header");
        assertFalse(seen.body().contains(token));
        assertEquals("upstream-secret", seen.header("X-Upstream-Key"), "the gateway's own upstream credential");
        assertEquals(email, seen.header("X-Onasis-Email"));
        assertNotNull(seen.header("X-Onasis-User-Id"));
        assertFalse(seen.header("X-Onasis-User-Id").equals("forged"), "identity headers are ours, not the client's");
        assertEquals(List.of(seen.header("X-Onasis-User-Id")), seen.headers().get("x-onasis-user-id"));
        assertEquals("lanonasis-cli", seen.header("X-Onasis-Client-Id"));
        assertTrue(seen.header("X-Onasis-Scopes").contains("mcp:tools"), seen.header("X-Onasis-Scopes"));
        assertEquals("2025-11-25", seen.header("MCP-Protocol-Version"));

        HttpResponse<String> notified = mcp("/servers/recorder/mcp",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", "upstream-session-1"));
        assertEquals(202, notified.statusCode());
        assertEquals("upstream-session-1", recorder.received().get(1).header("Mcp-Session-Id"), "session id kept");

        HttpResponse<String> ended = send(HttpRequest.newBuilder(endpoint("/servers/recorder/mcp"))
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", "upstream-session-1")
                .DELETE().build());
        assertEquals(204, ended.statusCode());
        assertEquals("DELETE", recorder.received().get(2).method());
    }

    @Test
    void aTokenForOneUpstreamWorksNowhereElseAndGatewayTokensAreRefusedAtUpstreams() {
        String upstreamToken = tokenFor(new Scope("mcp:tools", "memories:read"), resource("recorder"));
        HttpResponse<String> otherUpstream = mcp("/servers/keyed/mcp", INITIALIZE, bearer(upstreamToken));
        assertEquals(401, otherUpstream.statusCode(), otherUpstream.body());
        assertTrue(otherUpstream.body().contains("invalid_token"), otherUpstream.body());
        HttpResponse<String> ownMcp = mcp("/mcp", INITIALIZE, bearer(upstreamToken));
        assertEquals(401, ownMcp.statusCode(), "the gateway's own /mcp: " + ownMcp.body());
        assertEquals(401, restGet("/api/v1/memory", upstreamToken).statusCode(), "the REST API");

        String mcpToken = tokenFor(new Scope("mcp:tools", "memories:read"), ISSUER + "/mcp");
        HttpResponse<String> refused = mcp("/servers/recorder/mcp", INITIALIZE, bearer(mcpToken));
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("request one with resource=" + resource("recorder")), refused.body());
        String apiToken = tokenFor(new Scope("memories:read"));
        assertEquals(401, mcp("/servers/recorder/mcp", INITIALIZE, bearer(apiToken)).statusCode(), "default audience");
        assertTrue(recorder.received().isEmpty(), "nothing reached the upstream");
    }

    @Test
    void usersOutsideThePolicyGet403WithTheReason() throws Exception {
        String staffToken = tokenFor(new Scope("mcp:tools"), resource("staff"));
        HttpResponse<String> notStaff = mcp("/servers/staff/mcp", INITIALIZE, bearer(staffToken));
        assertEquals(403, notStaff.statusCode(), notStaff.body());
        Map<?, ?> body = JSON.readValue(notStaff.body(), Map.class);
        assertEquals("user_not_allowed", body.get("error"));
        assertTrue(((String) body.get("message")).contains(email), body.toString());

        String weakToken = tokenFor(new Scope("mcp:tools"), resource("scoped"));
        HttpResponse<String> noScope = mcp("/servers/scoped/mcp", INITIALIZE, bearer(weakToken));
        assertEquals(403, noScope.statusCode(), noScope.body());
        assertEquals("insufficient_scope", JSON.readValue(noScope.body(), Map.class).get("error"));
        String challenge = noScope.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("error=\"insufficient_scope\"") && challenge.contains("scope=\"memories:delete\""),
                challenge);
        assertTrue(recorder.received().isEmpty(), "nothing reached the upstream");

        String strongToken = tokenFor(new Scope("memories:delete"), resource("scoped"));
        assertEquals(200, mcp("/servers/scoped/mcp", INITIALIZE, bearer(strongToken)).statusCode());
    }

    @Test
    void apiKeysOnlyWhereThePolicyAcceptsThemAndNeverForwarded() throws Exception {
        String login = (String) JSON.readValue(postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null).body(), Map.class)
                .get("access_token");
        HttpResponse<String> created = postJson("/api/v1/api-keys", "{\"name\":\"upstream\",\"scopes\":[\"memories:read\"]}",
                login);
        assertEquals(201, created.statusCode(), created.body());
        String key = (String) JSON.readValue(created.body(), Map.class).get("key");

        HttpResponse<String> refused = mcp("/servers/recorder/mcp", INITIALIZE, Map.of("X-API-Key", key));
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("does not accept API keys"), refused.body());
        assertEquals(401, mcp("/servers/recorder/mcp", INITIALIZE, bearer(login)).statusCode(), "login JWTs neither");

        HttpResponse<String> accepted = mcp("/servers/keyed/mcp", INITIALIZE, Map.of("X-API-Key", key));
        assertEquals(200, accepted.statusCode(), accepted.body());
        RecordingUpstream.Received seen = recorder.received().get(0);
        assertNull(seen.header("X-API-Key"));
        assertFalse(seen.headers().toString().contains(key.substring(key.indexOf(".sk_") + 4)));
    }

    @Test
    void sseFromTheUpstreamIsStreamedEventByEventNotBuffered() throws Exception {
        String token = tokenFor(new Scope("mcp:tools"), resource("recorder"));
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        endpoint("/servers/recorder/mcp")).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", "upstream-session-1")
                .POST(HttpRequest.BodyPublishers.ofString(CALL)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            StringBuilder first = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null && !line.isEmpty()) {
                first.append(line).append('\n');
            }
            // the upstream holds the second event back until now: seeing the first proves no buffering
            assertTrue(first.toString().contains("notifications/progress"), first.toString());
            assertTrue(first.toString().startsWith("id: 1\nevent: message\n"), "passed through byte for byte");
            recorder.releaseSecondEvent();
            StringBuilder rest = new StringBuilder();
            while ((line = lines.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertTrue(rest.toString().contains("\"id\":7") && rest.toString().contains("\"done\""), rest.toString());
        }
    }

    @Test
    void aRevokedTokenEndsItsOpenUpstreamStream() throws Exception {
        String token = tokenFor(new Scope("mcp:tools"), resource("recorder"));
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        endpoint("/servers/recorder/mcp")).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", "upstream-session-1")
                .POST(HttpRequest.BodyPublishers.ofString(CALL)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.isEmpty()) {
                assertTrue(line.startsWith("id:") || line.startsWith("event:") || line.startsWith("data:"), line);
            }
            HttpResponse<String> revoked = send(HttpRequest.newBuilder(endpoint("/oauth/revoke"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&client_id=" + CLI.getValue()))
                    .build());
            assertEquals(200, revoked.statusCode(), revoked.body());
            // the upstream still holds its second event back: only the revocation can end this stream
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
                StringBuilder read = new StringBuilder();
                try {
                    for (String next = lines.readLine(); next != null; next = lines.readLine()) {
                        read.append(next).append('\n');
                    }
                } catch (java.io.IOException ended) {
                    read.append("(connection closed)");
                }
                return read.toString();
            });
            assertFalse(rest.get(20, TimeUnit.SECONDS).contains("\"done\""), "the stream ended before the upstream's answer");
        } finally {
            recorder.releaseSecondEvent();
        }
    }

    @Test
    void anUpstreamThatIsDownGivesAPromptJsonRpcError() throws Exception {
        String token = tokenFor(new Scope("mcp:tools"), resource("down"));
        HttpResponse<String> failed = mcp("/servers/down/mcp", CALL, bearer(token));
        assertEquals(502, failed.statusCode(), failed.body());
        Map<?, ?> body = JSON.readValue(failed.body(), Map.class);
        assertEquals("2.0", body.get("jsonrpc"));
        assertEquals(7, body.get("id"));
        assertEquals(-32001, ((Map<?, ?>) body.get("error")).get("code"));
        assertTrue(((String) ((Map<?, ?>) body.get("error")).get("message")).contains("down"), body.toString());
    }

    @Test
    void requestsFromAnotherSiteAreRefusedBeforeAnythingIsRelayed() {
        String token = tokenFor(new Scope("mcp:tools"), resource("recorder"));
        HttpResponse<String> refused = mcp("/servers/recorder/mcp", INITIALIZE,
                Map.of("Authorization", "Bearer " + token, "Origin", "https://evil.example"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("origin https://evil.example"), refused.body());
        assertTrue(recorder.received().isEmpty());
    }

    @Test
    void healthAndMetricsReportEachUpstream() throws Exception {
        String token = tokenFor(new Scope("mcp:tools"), resource("recorder"));
        assertEquals(200, mcp("/servers/recorder/mcp", INITIALIZE, bearer(token)).statusCode());
        assertEquals(502, mcp("/servers/down/mcp", CALL, bearer(tokenFor(new Scope("mcp:tools"), resource("down"))))
                .statusCode());

        HttpResponse<String> health = send(HttpRequest.newBuilder(endpoint("/health/full")).GET().build());
        assertEquals(200, health.statusCode(), "an upstream is never essential: " + health.body());
        Map<?, ?> report = JSON.readValue(health.body(), Map.class);
        assertEquals("degraded", report.get("status"), health.body());
        Map<?, ?> checks = (Map<?, ?>) report.get("checks");
        assertEquals("up", ((Map<?, ?>) checks.get("upstream:recorder")).get("status"), health.body());
        Map<?, ?> down = (Map<?, ?>) checks.get("upstream:down");
        assertEquals("down", down.get("status"), health.body());
        assertEquals(false, down.get("essential"));

        String metrics = send(HttpRequest.newBuilder(endpoint("/metrics")).GET().build()).body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("onasis_upstream_requests_total{")
                && line.contains("outcome=\"ok\"") && line.contains("upstream=\"recorder\"")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("onasis_upstream_requests_total{")
                && line.contains("outcome=\"error\"") && line.contains("upstream=\"down\"")), metrics);
        assertTrue(metrics.contains("onasis_upstream_latency_seconds_count{upstream=\"recorder\"}"), metrics);
    }

    @Test
    void theAuthorizationServerRefusesResourcesThatAreNoUpstream() {
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(endpoint("/oauth/authorize?response_type=code"
                + "&client_id=lanonasis-cli&redirect_uri=http%3A%2F%2F127.0.0.1%3A49152%2Fcallback&scope=mcp%3Atools"
                + "&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&resource=" + java.net.URLEncoder.encode(resource("nope"), StandardCharsets.UTF_8))).GET().build());
        String where = unknown.headers().firstValue("Location").orElse("") + unknown.body();
        assertTrue(where.contains("invalid_target"), unknown.statusCode() + " " + where);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
