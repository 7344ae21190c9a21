package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Limits against the attacks of issue 10 and the pollers of issue 11, through the real server
 * behind a trusted proxy on 127.0.0.1 so each test speaks for its own client addresses: device
 * polling never meets the per-address token limit; a browser meets a page, an API client JSON;
 * failed credentials of any kind are counted per address (guessing).
 */
@MicronautTest
@Property(name = "onasis.edge.rate-limits.enabled", value = "true")
@Property(name = "onasis.edge.trusted-proxies", value = "127.0.0.1/32,::1/128")
@Property(name = "onasis.edge.rate-limits.guessing.limit", value = "12")
@Property(name = "onasis.oauth.device-interval", value = "1s")
class EdgeAbuseHttpTest extends HttpTest {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String address() {
        return "198.19." + (NEXT.get() / 250) + "." + (1 + NEXT.getAndIncrement() % 250);
    }

    private HttpResponse<String> form(String path, String body, String from, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String deviceCode(String from) throws Exception {
        HttpResponse<String> started = form("/oauth/device", "client_id=lanonasis-cli&scope=memories:read", from);
        assertEquals(200, started.statusCode(), started.body());
        return String.valueOf(json.readValue(started.body(), Map.class).get("device_code"));
    }

    /** Issue 11 #3: a poller at the advertised pace (here faster) never meets the per-address token limit. */
    @Test
    void devicePollingIsNotCountedAgainstTheTokenLimitOfItsAddress() throws Exception {
        Windows.roomForAFewSeconds();
        String from = address();
        String code = deviceCode(from);
        for (int poll = 1; poll <= 15; poll++) {
            HttpResponse<String> answer = form("/oauth/token", "grant_type=" + DEVICE_GRANT + "&device_code=" + code
                    + "&client_id=lanonasis-cli", from);
            assertEquals(400, answer.statusCode(), "poll " + poll + ": " + answer.body());
            String error = String.valueOf(json.readValue(answer.body(), Map.class).get("error"));
            assertTrue(error.equals("authorization_pending") || error.equals("slow_down"), error);
        }
        for (int i = 0; i < 10; i++) {
            assertNotEquals(429, form("/oauth/token", "grant_type=client_credentials&client_id=nobody-" + i, from)
                    .statusCode(), "the polls spent nothing of the budget of other grants");
        }
        assertEquals(429, form("/oauth/token", "grant_type=client_credentials&client_id=x", from).statusCode(),
                "other grants are still ten a minute");
    }

    /** Issue 11 #4: a person who hits a limit reads a page; an API caller still gets the JSON error. */
    @Test
    void aBrowserThatHitsALimitGetsAPageAndAnApiClientJson() throws Exception {
        Windows.roomForAFewSeconds();
        String from = address();
        for (int i = 0; i < 3; i++) {
            api.post("/v1/auth/register", Map.of("email", "page-" + UUID.randomUUID() + "@example.com",
                    "password", "rate limited pass"), "X-Forwarded-For", from);
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/auth/register"))
                .header("X-Forwarded-For", from).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(429, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().map()
                .toString());
        assertTrue(page.body().contains("Too many attempts"), page.body());
        String retryAfter = page.headers().firstValue("Retry-After").orElseThrow();
        assertTrue(page.body().contains("wait " + retryAfter + " seconds"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));

        Api.Reply json = api.post("/v1/auth/register", Map.of(), "X-Forwarded-For", from, "Accept", "application/json");
        assertEquals(429, json.status());
        assertEquals("rate_limited", json.string("error"));
        Api.Reply anything = api.post("/v1/auth/register", Map.of(), "X-Forwarded-For", from, "Accept", "*/*");
        assertEquals("rate_limited", anything.string("error"), "*/* is an API client");
    }

    /** Issue 10: random API keys from one address meet a 429 after the guessing budget, whatever the key. */
    @Test
    void guessingApiKeysIsCutOffPerAddress() {
        Windows.roomForAFewSeconds();
        // the guessing window is 10 minutes, aligned like every fixed window: keep the run inside one
        Windows.roomFor(java.time.Duration.ofSeconds(15), java.time.Duration.ofMinutes(10));
        Api.Account owner = api.newAccount("X-Forwarded-For", address());
        String realKey = api.apiKey(owner, null);
        String attacker = address();
        for (int i = 0; i < 12; i++) {
            Api.Reply guess = api.get("/api/v1/memory", "X-API-Key", "pk_" + UUID.randomUUID().toString()
                    .replace("-", "") + ".sk_" + UUID.randomUUID().toString().replace("-", ""), "X-Forwarded-For",
                    attacker);
            assertEquals(401, guess.status(), "guess " + i + ": " + guess);
        }
        Api.Reply cutOff = api.get("/api/v1/memory", "X-API-Key", "pk_x.sk_y", "X-Forwarded-For", attacker);
        assertEquals(429, cutOff.status(), cutOff.toString());
        assertEquals("rate_limited", cutOff.string("error"));
        long windowLeft = 600 - java.time.Instant.now().getEpochSecond() % 600;
        long retryAfter = Long.parseLong(cutOff.header("Retry-After"));
        assertTrue(Math.abs(retryAfter - windowLeft) <= 2, "until the 10-minute window ends: Retry-After " + retryAfter
                + ", window left " + windowLeft);
        assertEquals(429, api.get("/api/v1/memory", "Authorization", "Bearer guessed.token.value", "X-Forwarded-For",
                attacker).status(), "bearer tokens too");
        assertEquals(200, api.get("/api/v1/memory", "X-API-Key", realKey, "X-Forwarded-For", address()).status(),
                "the owner, elsewhere, is not affected");
    }

    /** Issue 10: client secrets guessed at introspection (and revocation, the token endpoint) share that budget. */
    @Test
    void guessingClientSecretsIsCutOffPerAddress() throws Exception {
        Windows.roomForAFewSeconds();
        String attacker = address();
        String[] endpoints = {"/oauth/introspect", "/introspect", "/oauth/revoke", "/oauth/token"};
        for (int i = 0; i < 12; i++) {
            String basic = Base64.getEncoder().encodeToString(("lanonasis-cli:guess-" + i).getBytes());
            String path = endpoints[i % endpoints.length];
            String body = path.endsWith("token") ? "grant_type=client_credentials" : "token=anything";
            HttpResponse<String> guess = form(path, body, attacker, "Authorization", "Basic " + basic);
            assertEquals(401, guess.statusCode(), path + ": " + guess.body());
        }
        HttpResponse<String> cutOff = form("/oauth/introspect", "token=anything", attacker, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("lanonasis-cli:one-more".getBytes()));
        assertEquals(429, cutOff.statusCode(), cutOff.body());
        assertFalse(cutOff.body().contains("active"));
    }

    /**
     * Issue 10: "this e-mail is taken" is an answer a prober wants; each one spends the guessing
     * budget of the address, so probing stops with it, beyond the registration limit of 3 a minute.
     */
    @Test
    void probingForAccountsThroughRegistrationSpendsTheGuessingBudget() {
        Windows.roomForAFewSeconds();
        Api.Account existing = api.newAccount("X-Forwarded-For", address());
        String prober = address();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.get("/api/v1/memory", "X-API-Key", "pk_a.sk_" + i, "X-Forwarded-For", prober)
                    .status());
        }
        for (int i = 0; i < 2; i++) {
            Api.Reply taken = api.post("/v1/auth/register", Map.of("email", existing.email(), "password",
                    "whatever password"), "X-Forwarded-For", prober);
            assertEquals(409, taken.status(), taken.toString());
        }
        Api.Reply cutOff = api.post("/v1/auth/register", Map.of("email", "other-" + existing.email(), "password",
                "whatever password"), "X-Forwarded-For", prober);
        assertEquals(429, cutOff.status(), "the third registration of the minute, refused by the guessing budget");
    }
}
