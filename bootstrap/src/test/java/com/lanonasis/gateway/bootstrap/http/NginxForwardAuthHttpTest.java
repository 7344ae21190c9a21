package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lanonasis.gateway.bootstrap.edge.Nginx;
import com.lanonasis.gateway.bootstrap.edge.NginxConfig;
import com.lanonasis.gateway.bootstrap.edge.RouteMap;
import com.lanonasis.gateway.bootstrap.edge.RouteMap.Deployment;
import com.lanonasis.gateway.bootstrap.edge.RouteMap.ProtectedApp;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real nginx, configured by {@link NginxConfig} from the committed route map, in front of the
 * gateway and of a small app that echoes who nginx says the caller is. The app at /app/ needs
 * {@code memories:read}; the one at /web-app/ is for browsers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxForwardAuthHttpTest extends HttpTest {

    private static final String ISSUER = "http://localhost:4000";

    @Inject
    EmbeddedServer gateway;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger appRequests = new AtomicInteger();
    private HttpServer app;
    private Nginx nginx;
    private URI proxy;

    @BeforeAll
    void startAppAndNginx() throws Exception {
        if (Nginx.binary().isEmpty()) {
            return; // each test then reports itself skipped, with the reason
        }
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            appRequests.incrementAndGet();
            StringBuilder seen = new StringBuilder();
            for (String header : List.of("X-User-Id", "X-User-Email", "X-Scopes", "Authorization", "X-API-Key",
                    "X-Forwarded-For", "X-Request-ID")) {
                seen.append(header).append('=').append(String.valueOf(exchange.getRequestHeaders().get(header)))
                        .append('\n');
            }
            byte[] body = seen.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();

        Path dir = Nginx.directory();
        int port = Nginx.freePort();
        String appServer = "127.0.0.1:" + app.getAddress().getPort();
        Deployment site = new Deployment("localhost", "127.0.0.1:" + port, "1", dir + "/nginx.pid",
                dir + "/logs/error.log", dir + "/logs/access.log", List.of("127.0.0.1:" + gateway.getPort()),
                List.of(new ProtectedApp("app", "/app/", List.of(appServer), "scope=memories:read", false),
                        new ProtectedApp("web_app", "/web-app/", List.of(appServer), "", true)),
                dir.toString());
        String config = NginxConfig.render(RouteMap.read(Path.of("../docs/edge/route-map.yml")).withDeployment(site));
        nginx = Nginx.start(config, dir, port);
        proxy = URI.create("http://127.0.0.1:" + port);
    }

    @BeforeEach
    void needsNginx() {
        assumeTrue(nginx != null, Nginx.NOT_INSTALLED + ": skipping the end-to-end ForwardAuth test through nginx");
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (app != null) {
            app.stop(0);
        }
    }

    @Test
    void withoutACredentialNginxAnswers401AndTheAppIsNeverAsked() {
        int before = appRequests.get();

        HttpResponse<String> reply = get("/app/notes", "X-User-Id", "someone", "X-Scopes", "admin");

        assertEquals(401, reply.statusCode(), reply.body() + logs());
        assertEquals(List.of("Bearer realm=\"onasis-gateway\""), reply.headers().allValues("WWW-Authenticate"));
        assertEquals(before, appRequests.get(), "the app was reached without a credential");
    }

    @Test
    void aValidApiKeyReachesTheAppAsItsUser() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, List.of("memories:read"));

        HttpResponse<String> reply = get("/app/notes?id=1", "X-API-Key", key, "X-Request-ID", "trace-nginx-0001");

        assertEquals(200, reply.statusCode(), reply.body() + logs());
        assertTrue(reply.body().contains("X-User-Id=[" + account.id() + "]"), reply.body());
        assertTrue(reply.body().contains("X-User-Email=[" + account.email() + "]"), reply.body());
        assertTrue(reply.body().contains("X-Scopes=[memories:read]"), reply.body());
        assertTrue(reply.body().contains("X-Request-ID=[trace-nginx-0001]"), reply.body());
        assertTrue(reply.body().contains("X-Forwarded-For=[127.0.0.1]"), reply.body());
        assertTrue(reply.body().contains("X-API-Key=null"), "the API key was passed on: " + reply.body());
        assertTrue(reply.body().contains("Authorization=null"), reply.body());
    }

    @Test
    void forgedIdentityHeadersNeverReachTheApp() {
        Api.Account account = api.newAccount();
        Api.Account victim = api.newAccount();
        String key = api.apiKey(account, List.of("memories:read"));

        HttpResponse<String> reply = get("/app/", "X-API-Key", key, "X-User-Id", victim.id(),
                "X-User-Email", victim.email(), "X-Scopes", "admin");

        assertEquals(200, reply.statusCode(), reply.body() + logs());
        assertTrue(reply.body().contains("X-User-Id=[" + account.id() + "]"), reply.body());
        assertFalse(reply.body().contains(victim.id()), "the forged X-User-Id reached the app: " + reply.body());
        assertFalse(reply.body().contains(victim.email()), reply.body());
        assertTrue(reply.body().contains("X-Scopes=[memories:read]"), reply.body());
    }

    @Test
    void aMissingScopeIs403WithTheChallenge() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, List.of("memories:write"));
        int before = appRequests.get();

        HttpResponse<String> reply = get("/app/notes", "X-API-Key", key);

        assertEquals(403, reply.statusCode(), reply.body() + logs());
        assertEquals(List.of("Bearer realm=\"onasis-gateway\", error=\"insufficient_scope\", scope=\"memories:read\""),
                reply.headers().allValues("WWW-Authenticate"));
        assertEquals(before, appRequests.get());
    }

    @Test
    void browsersWithoutASessionAreSentToSignIn() {
        HttpResponse<String> page = get("/web-app/board?view=week&x=1", "Accept", "text/html");

        assertEquals(302, page.statusCode(), page.body() + logs());
        assertEquals(ISSUER + "/web/login?return_to=" + URLEncoder.encode(proxy + "/web-app/board?view=week&x=1",
                StandardCharsets.UTF_8), page.headers().firstValue("Location").orElse(""));

        HttpResponse<String> api = get("/app/notes", "Accept", "text/html");
        assertEquals(401, api.statusCode(), "an API app answers browsers 401, never nginx's 500: " + logs());
    }

    @Test
    void theGatewaysOwnRoutesPassThrough() {
        HttpResponse<String> health = get("/health", "X-Request-ID", "trace-nginx-0002");
        assertEquals(200, health.statusCode(), health.body() + logs());
        assertEquals("trace-nginx-0002", health.headers().firstValue("X-Request-ID").orElse(""));

        HttpResponse<String> made = get("/health");
        assertTrue(made.headers().firstValue("X-Request-ID").orElse("").matches("[0-9a-f]{32}"),
                "nginx's $request_id was not passed: " + made.headers().map());
    }

    @Test
    void liveEventsStreamThroughNginxUnbuffered() throws Exception {
        String key = api.apiKey(api.newAccount(), null);
        HttpResponse<java.util.stream.Stream<String>> stream = http.sendAsync(HttpRequest.newBuilder(
                proxy.resolve("/api/v1/events")).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode(), logs());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));

        api.post("/api/v1/memory", java.util.Map.of("title", "through nginx", "content", "live"), "X-API-Key", key);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.contains("through nginx")) {
                return;
            }
        }
        throw new AssertionError("the event did not come through nginx within 5 s (buffered?)" + logs());
    }

    @Test
    void mcpOverWebSocketUpgradesThroughNginx() throws Exception {
        String key = api.apiKey(api.newAccount(), null);
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("mcp").header("X-API-Key", key)
                .buildAsync(URI.create("ws://" + proxy.getAuthority() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertEquals("mcp", socket.getSubprotocol());
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", true).join();
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", frames.poll(5, TimeUnit.SECONDS), logs());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void mcpOverStreamableHttpThroughNginx() throws Exception {
        String key = api.apiKey(api.newAccount(), null);
        HttpResponse<String> initialized = http.send(HttpRequest.newBuilder(proxy.resolve("/mcp"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, initialized.statusCode(), initialized.body() + logs());
        assertTrue(initialized.headers().firstValue("Mcp-Session-Id").isPresent(), "the session header passes");
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(proxy.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request through nginx failed: " + path + logs(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String logs() {
        return nginx == null ? "" : "\nnginx logs:" + nginx.logs();
    }
}
