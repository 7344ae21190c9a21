package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.bootstrap.oauth.DocumentServer.Answer;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Client ID Metadata Documents end to end: a client whose id is the URL of its own metadata,
 * served by a local web server (allowed by the tests-only setting), through login, consent, the
 * token endpoint and a tool call on /mcp; and every document the server must refuse.
 */
@MicronautTest
@Property(name = "onasis.oauth.cimd.allow-private-hosts", value = "true")
@Property(name = "onasis.oauth.cimd.timeout", value = "1s")
@Property(name = "onasis.oauth.cimd.max-bytes", value = "5120")
class ClientIdMetadataDocumentTest extends OAuthTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI MCP = URI.create("http://localhost:4000/mcp");
    private static DocumentServer documents;

    @BeforeAll
    static void startDocumentServer() throws Exception {
        documents = new DocumentServer();
    }

    @AfterAll
    static void stopDocumentServer() {
        documents.close();
    }

    @Test
    void bothMetadataDocumentsAdvertiseCimd() throws Exception {
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            HttpResponse<String> metadata = send(HttpRequest.newBuilder(endpoint(path)).GET().build());
            assertEquals(200, metadata.statusCode());
            assertEquals(true, JSON.readValue(metadata.body(), Map.class).get("client_id_metadata_document_supported"),
                    path);
        }
    }

    @Test
    void aDocumentClientSignsInConsentsGetsAnMcpTokenAndCallsATool() throws Exception {
        signInConsentAndCallATool("/apps/" + UUID.randomUUID() + ".json");
    }

    /** Real clients publish documents at long URLs (CDN paths, version segments): up to 2048 characters (V6). */
    @Test
    void aDocumentUrlLongerThan100CharactersWorksEndToEnd() throws Exception {
        String path = "/apps/" + "v1/".repeat(60) + UUID.randomUUID() + "/client-metadata.json";
        assertTrue(documents.url(path).length() > 200);
        signInConsentAndCallATool(path);
    }

    @Test
    void aFailingDocumentIsNotFetchedAgainOnEveryRequest() throws Exception {
        String path = "/apps/" + UUID.randomUUID() + ".html";
        documents.serve(path, new Answer(200, "text/html", "<html>not a document</html>", Map.of(), Duration.ZERO));

        assertRefusedPage(documents.url(path), CALLBACK.toString(), "invalid_client");
        assertRefusedPage(documents.url(path), CALLBACK.toString(), "invalid_client");
        assertInvalidClientAtTokenEndpoint(documents.url(path));
        assertEquals(1, documents.fetches(path), "the failure is remembered (onasis.oauth.cimd.failure-cache)");
    }

    private void signInConsentAndCallATool(String path) throws Exception {
        String url = documents.url(path);
        documents.serve(path, Answer.json(document(url, CALLBACK.toString(), "\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"]"))
                .withHeader("Cache-Control", "public, max-age=3600"));
        ClientID client = new ClientID(url);
        Browser browser = new Browser(base);
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = request(client, verifier, new Scope("memories:read", "memories:write"), MCP)
                .build();

        HttpResponse<String> login = browser.get(request.toURI().toString());
        assertEquals(303, login.statusCode(), login.body());
        HttpResponse<String> consent = browser.get(browser.signIn(login, email, password));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("<strong>127.0.0.1</strong> — identified by its web address"),
                consent.body());
        assertTrue(consent.body().contains("calling itself <strong>Document App</strong>"), consent.body());
        assertTrue(consent.body().contains("Unverified app"), consent.body());
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(consent));
        form.put("decision", "approve");
        HttpResponse<String> redirect = browser.post("/oauth/authorize/consent", form);
        assertEquals(302, redirect.statusCode(), redirect.body());
        Authorized authorized = callback(Browser.location(redirect), request.getState(), verifier);

        TokenResponse tokens = redeem(client, authorized, MCP);
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        String access = tokens.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(List.of(MCP.toString()), audience(access));

        HttpResponse<String> created = mcp(access, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"memory_create\",\"arguments\":{\"title\":\"from a CIMD client\",\"content\":\"c\"}}}");
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("from a CIMD client") && !created.body().contains("\"isError\":true"),
                created.body());
        assertEquals(1, documents.fetches(path), "the document is fetched once and cached per its max-age");
    }

    @Test
    void aDocumentNamingAnotherClientIdIsRefusedAtBothEndpoints() throws Exception {
        String path = "/apps/" + UUID.randomUUID() + ".json";
        documents.serve(path, Answer.json(document(documents.url("/apps/someone-else.json"), CALLBACK.toString(), "")));

        assertRefusedPage(documents.url(path), CALLBACK.toString(), "invalid_client");
        assertInvalidClientAtTokenEndpoint(documents.url(path));
    }

    @Test
    void aRedirectUriNotInTheDocumentIsRefusedWithAPageNotARedirect() throws Exception {
        String path = "/apps/" + UUID.randomUUID() + ".json";
        String url = documents.url(path);
        documents.serve(path, Answer.json(document(url, "https://app.example/callback", "")));

        assertRefusedPage(url, "https://evil.example/callback", "invalid_request");
        assertRefusedPage(url, "https://app.example/callback/other", "invalid_request");
    }

    @Test
    void aLoopbackRedirectInTheDocumentMatchesAnyPort() throws Exception {
        String path = "/apps/" + UUID.randomUUID() + ".json";
        String url = documents.url(path);
        documents.serve(path, Answer.json(document(url, "http://127.0.0.1/callback", "")));
        Browser browser = new Browser(base);
        AuthorizationRequest request = request(new ClientID(url), new CodeVerifier(), new Scope("memories:read"))
                .redirectionURI(URI.create("http://127.0.0.1:53682/callback")).build();

        assertEquals(303, browser.get(request.toURI().toString()).statusCode(), "on to the login page");
    }

    @Test
    void anOversizedDocumentIsRefused() throws Exception {
        String path = "/apps/" + UUID.randomUUID() + ".json";
        String url = documents.url(path);
        documents.serve(path, Answer.json(document(url, CALLBACK.toString(),
                "\"logo_uri\":\"https://app.example/" + "x".repeat(6000) + "\",")));

        assertRefusedPage(url, CALLBACK.toString(), "invalid_client");
        assertInvalidClientAtTokenEndpoint(url);
    }

    @Test
    void aSlowDocumentIsRefused() throws Exception {
        String path = "/apps/" + UUID.randomUUID() + ".json";
        String url = documents.url(path);
        documents.serve(path, Answer.json(document(url, CALLBACK.toString(), "")).after(Duration.ofMillis(2500)));

        assertRefusedPage(url, CALLBACK.toString(), "invalid_client");
    }

    @Test
    void aDocumentThatIsNotJsonOrNotFoundOrARedirectIsRefused() throws Exception {
        String html = "/apps/" + UUID.randomUUID() + ".html";
        documents.serve(html, new Answer(200, "text/html", "<html><body>hello</body></html>", Map.of(),
                Duration.ZERO));
        assertRefusedPage(documents.url(html), CALLBACK.toString(), "invalid_client");

        assertRefusedPage(documents.url("/apps/missing.json"), CALLBACK.toString(), "invalid_client");

        String moved = "/apps/" + UUID.randomUUID() + ".json";
        String target = "/apps/" + UUID.randomUUID() + ".json";
        documents.serve(target, Answer.json(document(documents.url(moved), CALLBACK.toString(), "")));
        documents.serve(moved, new Answer(302, "text/plain", "", Map.of("Location", documents.url(target)),
                Duration.ZERO));
        assertRefusedPage(documents.url(moved), CALLBACK.toString(), "invalid_client");
        assertEquals(0, documents.fetches(target), "redirects are not followed");
    }

    @Test
    void aDocumentWithASecretOrASecretAuthMethodIsRefused() throws Exception {
        String withSecret = "/apps/" + UUID.randomUUID() + ".json";
        documents.serve(withSecret, Answer.json(document(documents.url(withSecret), CALLBACK.toString(),
                "\"client_secret\":\"published-for-all\",")));
        assertRefusedPage(documents.url(withSecret), CALLBACK.toString(), "invalid_client");

        String basic = "/apps/" + UUID.randomUUID() + ".json";
        documents.serve(basic, Answer.json(document(documents.url(basic), CALLBACK.toString(),
                "\"token_endpoint_auth_method\":\"client_secret_basic\",")));
        assertRefusedPage(documents.url(basic), CALLBACK.toString(), "invalid_client");
        assertInvalidClientAtTokenEndpoint(documents.url(basic));
    }

    @Test
    void dynamicRegistrationKeepsWorkingAndTakesApplicationType() throws Exception {
        HttpResponse<String> registered = postJson("/register", "{\"client_name\":\"native app\","
                + "\"application_type\":\"native\",\"redirect_uris\":[\"" + CALLBACK + "\"],"
                + "\"token_endpoint_auth_method\":\"none\"}", null);
        assertEquals(201, registered.statusCode(), registered.body());
        Map<?, ?> body = JSON.readValue(registered.body(), Map.class);
        assertEquals("native", body.get("application_type"));
        assertFalse(((String) body.get("client_id")).startsWith("http"), "DCR ids are never document URLs");

        HttpResponse<String> refused = postJson("/register", "{\"application_type\":\"desktop\","
                + "\"redirect_uris\":[\"" + CALLBACK + "\"],\"token_endpoint_auth_method\":\"none\"}", null);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_client_metadata", JSON.readValue(refused.body(), Map.class).get("error"));
    }

    static String document(String clientId, String redirect, String extra) {
        return "{" + (extra.isEmpty() || extra.endsWith(",") ? extra : extra + ",")
                + "\"client_id\":\"" + clientId + "\",\"client_name\":\"Document App\","
                + "\"redirect_uris\":[\"" + redirect + "\"]}";
    }

    /** The authorization endpoint answers with its own error page: nothing is redirected anywhere. */
    private void assertRefusedPage(String clientId, String redirect, String code) {
        String query = "response_type=code&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirect)
                + "&state=s1&code_challenge=" + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256&scope=memories:read";
        HttpResponse<String> page = new Browser(base).get("/oauth/authorize?" + query);
        assertEquals(400, page.statusCode(), page.body());
        assertFalse(page.headers().firstValue("Location").isPresent());
        assertTrue(page.body().contains("<code>" + code + "</code>"), page.body());
    }

    private void assertInvalidClientAtTokenEndpoint(String clientId) throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(endpoint("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=nothing&redirect_uri="
                        + enc(CALLBACK.toString()) + "&code_verifier=" + "a".repeat(43) + "&client_id=" + enc(clientId)))
                .build());
        assertEquals(401, token.statusCode(), token.body());
        assertEquals("invalid_client", JSON.readValue(token.body(), Map.class).get("error"));
    }

    private HttpResponse<String> mcp(String bearer, String body) {
        HttpResponse<String> initialized = mcpPost(bearer, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"cimd\",\"version\":\"1\"}}}");
        assertEquals(200, initialized.statusCode(), initialized.body());
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElse(null);
        mcpPost(bearer, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return mcpPost(bearer, session, body);
    }

    private HttpResponse<String> mcpPost(String bearer, String session, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/mcp"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            builder.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return send(builder.build());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
