package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET/POST /verify} as nginx {@code auth_request} and Traefik {@code forwardAuth} call it.
 * Plain JDK client: redirects must be seen, not followed. Rules: application-forward-auth.yml.
 */
@MicronautTest(environments = "forward-auth")
class ForwardAuthHttpTest extends HttpTest {

    private static final String ISSUER = "http://localhost:4000";
    private static final String CHALLENGE = "Bearer realm=\"onasis-gateway\"";
    private static final String INVALID_TOKEN = "Bearer realm=\"onasis-gateway\", error=\"invalid_token\"";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Api.Account account;

    @BeforeEach
    void newAccount() {
        account = api.newAccount();
    }

    @Test
    void withoutCredentialsItIs401WithAChallengeAndAJsonError() {
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> reply = send(method, "/verify", "X-User-Id", account.id(), "X-User-Email",
                    account.email(), "X-Scopes", "admin");

            assertEquals(401, reply.statusCode(), method + " " + reply.body());
            assertEquals(CHALLENGE, header(reply, "WWW-Authenticate"));
            assertTrue(reply.body().contains("\"error\":\"authentication_required\""), reply.body());
            assertTrue(header(reply, "Content-Type").startsWith("application/json"));
            assertEquals(Optional.empty(), reply.headers().firstValue("X-User-Id"), "inbound X-User-Id came back");
        }
    }

    @Test
    void anApiKeyAnswers200WithWhoTheCallerIs() {
        String key = api.apiKey(account, null);

        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> reply = send(method, "/verify", "X-API-Key", key,
                    "X-User-Id", "00000000-0000-0000-0000-000000000001", "X-User-Role", "admin", "X-Scopes", "admin");

            assertEquals(200, reply.statusCode(), method + " " + reply.body());
            assertEquals("", reply.body());
            assertEquals(account.id(), header(reply, "X-User-Id"));
            assertEquals(account.email(), header(reply, "X-User-Email"));
            assertEquals("user", header(reply, "X-User-Role"));
            assertEquals("memories:delete memories:read memories:write", header(reply, "X-Scopes"));
            assertEquals(Optional.empty(), reply.headers().firstValue("X-Client-Id"));
            assertEquals(Optional.empty(), reply.headers().firstValue("X-Session-Id"));
            assertEquals("no-store", header(reply, "Cache-Control"));
        }
        HttpResponse<String> asBearer = send("GET", "/verify", "Authorization", "Bearer " + key);
        assertEquals(account.id(), header(asBearer, "X-User-Id"));
    }

    @Test
    void anAddressOutsideAsciiIsLeftOutNotMangled() {
        String email = "jörg-" + UUID.randomUUID() + "@example.com";
        Api.Reply registered = api.post("/v1/auth/register", Map.of("email", email, "password", "correct horse 12345"));
        assertEquals(201, registered.status(), registered.toString());
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", email, "password", "correct horse 12345"));

        HttpResponse<String> reply = send("GET", "/verify", "Authorization", "Bearer " + login.string("access_token"));

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(registered.string("id"), header(reply, "X-User-Id"));
        assertEquals(Optional.empty(), reply.headers().firstValue("X-User-Email"));
    }

    @Test
    void aPostWithAnyBodyIsTheSameCheck() throws Exception {
        String key = api.apiKey(account, null);
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/verify")).header("X-API-Key", key)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("ignored")).build();

        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(account.id(), header(reply, "X-User-Id"));
    }

    @Test
    void aLoginTokenAnswers200WithTheUsersOwnScopes() {
        HttpResponse<String> reply = send("GET", "/verify", account.bearer());

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(account.id(), header(reply, "X-User-Id"));
        assertTrue(header(reply, "X-Scopes").contains("mcp:full"), header(reply, "X-Scopes"));
    }

    @Test
    void badCredentialsAre401AndOnlyBadTokensSayInvalidToken() {
        HttpResponse<String> token = send("GET", "/verify", "Authorization", "Bearer not-a-token");
        assertEquals(401, token.statusCode());
        assertEquals(INVALID_TOKEN, header(token, "WWW-Authenticate"));
        assertTrue(token.body().contains("\"error\":\"invalid_token\""), token.body());

        HttpResponse<String> key = send("GET", "/verify", "X-API-Key", "pk_unknown.sk_unknown");
        assertEquals(401, key.statusCode());
        assertEquals(CHALLENGE, header(key, "WWW-Authenticate"));

        HttpResponse<String> cookie = send("GET", "/verify", "Cookie", "onasis_session=ended-or-forged");
        assertEquals(401, cookie.statusCode());
        assertEquals(CHALLENGE, header(cookie, "WWW-Authenticate"));
        assertTrue(cookie.body().contains("\"error\":\"invalid_session\""), cookie.body());
        assertFalse(cookie.body().contains("ended-or-forged"), "the cookie value came back in the error");
    }

    @Test
    void anOAuthTokenNamesItsClientAndMustCarryTheRequiredAudience() {
        String token = exchange("vscode-extension", "memories:read", ISSUER + "/mcp");

        HttpResponse<String> any = send("GET", "/verify", "Authorization", "Bearer " + token);
        assertEquals(200, any.statusCode(), any.body());
        assertEquals("vscode-extension", header(any, "X-Client-Id"));
        assertEquals("memories:read", header(any, "X-Scopes"));

        HttpResponse<String> right = send("GET", "/verify?aud=" + encode(ISSUER + "/mcp"), "Authorization",
                "Bearer " + token);
        assertEquals(200, right.statusCode(), right.body());

        for (String path : List.of("/verify?aud=" + encode(ISSUER + "/api/v1"), "/verify?aud=" + encode(ISSUER),
                "/verify?aud=" + encode("https://other.example/mcp"))) {
            HttpResponse<String> wrong = send("GET", path, "Authorization", "Bearer " + token);
            assertEquals(401, wrong.statusCode(), path);
            assertEquals(INVALID_TOKEN, header(wrong, "WWW-Authenticate"));
        }

        HttpResponse<String> rule = send("GET", "/verify?rule=other-mcp", "Authorization", "Bearer " + token);
        assertEquals(200, rule.statusCode(), rule.body());
        String apiToken = exchange("vscode-extension", "memories:read", ISSUER + "/api/v1");
        HttpResponse<String> ruleWrongAudience = send("GET", "/verify?rule=other-mcp", "Authorization",
                "Bearer " + apiToken);
        assertEquals(401, ruleWrongAudience.statusCode());
    }

    @Test
    void aMissingScopeIs403WithTheScopesTheRouteNeeds() {
        String key = api.apiKey(account, List.of("memories:read"));

        for (String path : List.of("/verify?scope=mcp:tools", "/verify?rule=mcp-tools",
                "/verify?scope=" + encode("memories:read mcp:tools"), "/verify?scope=memories:read&scope=mcp:tools")) {
            HttpResponse<String> reply = send("GET", path, "X-API-Key", key);
            assertEquals(403, reply.statusCode(), path + " " + reply.body());
            assertTrue(reply.body().contains("\"error\":\"insufficient_scope\""), reply.body());
            assertEquals(Optional.empty(), reply.headers().firstValue("X-User-Id"));
        }
        assertEquals("Bearer realm=\"onasis-gateway\", error=\"insufficient_scope\", scope=\"mcp:tools\"",
                header(send("GET", "/verify?scope=mcp:tools", "X-API-Key", key), "WWW-Authenticate"));
        assertEquals("Bearer realm=\"onasis-gateway\", error=\"insufficient_scope\", scope=\"mcp:tools memories:read\"",
                header(send("GET", "/verify?scope=memories:read&scope=mcp:tools", "X-API-Key", key),
                        "WWW-Authenticate"));

        assertEquals(200, send("GET", "/verify?scope=memories:read", "X-API-Key", key).statusCode());
        String full = exchange("vscode-extension", "memories:read mcp:tools", ISSUER);
        assertEquals(200, send("GET", "/verify?rule=mcp-tools&scope=memories:read", "Authorization", "Bearer " + full)
                .statusCode());
    }

    @Test
    void onlyListedUsersOrEmailsPass() {
        String key = api.apiKey(account, null);
        Api.Account other = api.newAccount();

        assertEquals(200, send("GET", "/verify?user=" + account.id(), "X-API-Key", key).statusCode());
        assertEquals(200, send("GET", "/verify?user=" + other.id() + "&user=" + account.id(), "X-API-Key", key)
                .statusCode());
        assertEquals(200, send("GET", "/verify?email=" + encode(account.email().toUpperCase()), "X-API-Key", key)
                .statusCode());
        assertEquals(200, send("GET", "/verify?user=" + other.id() + "&email=" + encode(account.email()),
                "X-API-Key", key).statusCode());

        for (String path : List.of("/verify?user=" + other.id(), "/verify?email=" + encode(other.email()),
                "/verify?rule=named-people")) {
            HttpResponse<String> reply = send("GET", path, "X-API-Key", key, "X-User-Id", other.id(),
                    "X-User-Email", other.email());
            assertEquals(403, reply.statusCode(), path);
            assertTrue(reply.body().contains("\"error\":\"forbidden\""), reply.body());
        }
    }

    @Test
    void aConfiguredRuleAllowsItsNamedPeople() {
        Api.Reply registered = api.post("/v1/auth/register", Map.of("email", "fwd-allowed@example.com",
                "password", "correct horse battery staple"));
        assertTrue(registered.status() == 201 || registered.status() == 409, registered.toString());
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", "fwd-allowed@example.com",
                "password", "correct horse battery staple"));

        HttpResponse<String> reply = send("GET", "/verify?rule=named-people", "Authorization",
                "Bearer " + login.string("access_token"));

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals("fwd-allowed@example.com", header(reply, "X-User-Email"));
    }

    @Test
    void badRequirementsAre400NotAPass() {
        String key = api.apiKey(account, null);

        HttpResponse<String> unknown = send("GET", "/verify?rule=no-such-rule", "X-API-Key", key);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"error\":\"unknown_rule\""), unknown.body());
        for (String path : List.of("/verify?scope=" + encode("a\"b"), "/verify?user=not-a-uuid",
                "/verify?email=nobody", "/verify?aud=relative/path", "/verify?aud=https://a.example&aud=https://b.example")) {
            HttpResponse<String> reply = send("GET", path, "X-API-Key", key);
            assertEquals(400, reply.statusCode(), path);
            assertTrue(reply.body().contains("\"error\":\"invalid_requirement\""), reply.body());
        }
    }

    @Test
    void aSessionCookieAnswers200WithAPublicSessionId() {
        String session = signIn(account);

        HttpResponse<String> reply = send("GET", "/verify", "Cookie", "onasis_session=" + session);

        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(account.id(), header(reply, "X-User-Id"));
        String sessionId = header(reply, "X-Session-Id");
        assertTrue(sessionId.matches("ws_[0-9a-f]{32}"), sessionId);
        assertFalse(sessionId.contains(session), "X-Session-Id must not be the cookie");
        assertEquals(sessionId, header(send("GET", "/verify", "Cookie", "onasis_session=" + session), "X-Session-Id"));
        assertNotEquals(sessionId, header(send("GET", "/verify", "Cookie", "onasis_session=" + signIn(account)),
                "X-Session-Id"));
    }

    @Test
    void browsersWithoutASessionAreSentToSignInAndBack() {
        String original = "https://app.example/notes?id=7&view=full";

        HttpResponse<String> byMode = send("GET", "/verify?mode=browser", "X-Original-URL", original);
        HttpResponse<String> byAccept = send("GET", "/verify", "Accept", "text/html,application/xhtml+xml;q=0.9",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example", "X-Forwarded-Uri", "/notes?id=7&view=full",
                "Cookie", "onasis_session=expired");

        for (HttpResponse<String> reply : List.of(byMode, byAccept)) {
            assertEquals(302, reply.statusCode(), reply.body());
            String location = header(reply, "Location");
            assertEquals(ISSUER + "/web/login?return_to=" + encode(original), location);
            assertEquals(original, URLDecoder.decode(location.substring(location.indexOf('=') + 1),
                    StandardCharsets.UTF_8));
        }
        assertEquals(ISSUER + "/web/login", header(send("GET", "/verify?mode=browser"), "Location"));
        assertEquals(401, send("GET", "/verify", "Accept", "application/json", "X-Original-URL", original).statusCode());

        String key = api.apiKey(account, List.of("memories:read"));
        HttpResponse<String> lacking = send("GET", "/verify?mode=browser&scope=mcp:tools", "X-API-Key", key,
                "Accept", "text/html");
        assertEquals(403, lacking.statusCode(), "a signed-in caller without the scope must not be sent to sign in again");
        assertTrue(header(lacking, "Content-Type").startsWith("application/json"), header(lacking, "Content-Type"));
        assertEquals(200, send("GET", "/verify", "X-API-Key", key, "Accept", "image/png").statusCode(),
                "the proxy forwards whatever the client accepts");

        String loginPath = header(byMode, "Location").substring(ISSUER.length());
        assertEquals(original, signInAt(loginPath, account));
        for (String elsewhere : List.of("https://evil.example/x", "https://app.example@evil.example/x",
                "https://app.example.evil.example/x", "http://app.example/x", "https://app.example:8443/x")) {
            assertEquals("/web/login", signInAt("/web/login?return_to=" + encode(elsewhere), account),
                    "the sign-in page returned to an origin nobody allowed: " + elsewhere);
        }
        assertEquals("HTTPS://App.Example/x", signInAt("/web/login?return_to=" + encode("HTTPS://App.Example/x"),
                account));
    }

    /** Signs in at the login page and returns the session cookie. */
    private String signIn(Api.Account who) {
        HttpResponse<String> done = postLogin("/web/login", who);
        Matcher cookie = Pattern.compile("onasis_session=([^;]+)").matcher(String.join("\n",
                done.headers().allValues("Set-Cookie")));
        assertTrue(cookie.find(), "no session cookie: " + done.headers());
        return cookie.group(1);
    }

    /** Signs in at the given login page address and returns where the browser is sent next. */
    private String signInAt(String loginPath, Api.Account who) {
        return header(postLogin(loginPath, who), "Location");
    }

    private HttpResponse<String> postLogin(String loginPath, Api.Account who) {
        HttpResponse<String> page = send("GET", loginPath);
        assertEquals(200, page.statusCode(), page.body());
        String csrfCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("onasis_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        StringBuilder form = new StringBuilder("email=" + encode(who.email()) + "&password=" + encode(who.password()));
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.append('&').append(hidden.group(1)).append('=')
                    .append(encode(hidden.group(2).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")));
        }
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/web/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        HttpResponse<String> done = send(request);
        assertEquals(303, done.statusCode(), done.body());
        return done;
    }

    private String exchange(String clientId, String scope, String resource) {
        Api.Reply exchanged = api.post("/legacy/exchange", Map.of("token", account.token(), "client_id", clientId,
                "scope", scope, "resource", resource));
        assertEquals(200, exchanged.status(), exchanged.toString());
        return exchanged.string("access_token");
    }

    private HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.getURI().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String header(HttpResponse<String> reply, String name) {
        return reply.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header: "
                + reply.statusCode() + " " + reply.headers().map() + " " + reply.body()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
