package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 #1: an open connection stops serving a credential once it is revoked or expires. The
 * WebSocket checks before every message and on every period and closes with 1008 and the reason;
 * SSE streams ({@code /api/v1/events}, the MCP GET stream, legacy {@code /sse}) say why and end.
 */
@MicronautTest
@Property(name = "onasis.credentials.recheck-period", value = "1s")
@Property(name = "onasis.tokens.user-token-lifetime", value = "12s")
class LongLivedCredentialsTest extends McpTestSupport {

    /** A new user: the login token, and an API key with its id. */
    record Holder(String token, String key, String keyId) {
    }

    Holder newHolder() {
        String email = "live-" + UUID.randomUUID() + "@example.com";
        String password = "pass " + UUID.randomUUID();
        assertEquals(201, post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .statusCode());
        String token = field(post("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .body(), "access_token");
        HttpResponse<String> created = post("/api/v1/api-keys", "{\"name\":\"live\"}", "Authorization", "Bearer " + token);
        assertEquals(201, created.statusCode(), created.body());
        return new Holder(token, field(created.body(), "key"), field(created.body(), "id"));
    }

    void revoke(Holder holder) {
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(base().resolve("/api/v1/api-keys/" + holder.keyId()))
                .header("Authorization", "Bearer " + holder.token()).DELETE().build());
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertEquals(401, send(HttpRequest.newBuilder(base().resolve("/api/v1/memory"))
                .header("X-API-Key", holder.key()).GET().build()).statusCode(), "REST refuses it at once");
    }

    /** A text stream's lines in a queue; {@code ended} completes when the server ends the response. */
    record Lines(BlockingQueue<String> queue, CompletableFuture<Void> ended) {

        /** Waits for a line containing {@code text}; everything before it is skipped. */
        String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String line = queue.poll(1, TimeUnit.SECONDS);
                if (line != null && line.contains(text)) {
                    return line;
                }
            }
            throw new AssertionError("no line with " + text + " within 30 s");
        }

        void awaitEnd() throws Exception {
            ended.get(30, TimeUnit.SECONDS);
        }
    }

    Lines stream(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<Stream<String>> response = http.sendAsync(request.GET().build(),
                HttpResponse.BodyHandlers.ofLines()).join();
        assertEquals(200, response.statusCode());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        return new Lines(lines, ended);
    }

    /** Whole text messages, and how the socket was closed. */
    static final class Socket implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        String next() throws InterruptedException {
            String message = messages.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 10 s");
            }
            return message;
        }
    }

    WebSocket socket(String path, Socket listener, String key) {
        return http.newWebSocketBuilder().subprotocols("mcp").header("X-API-Key", key)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + server.getPort() + path), listener).join();
    }

    @Test
    void aWebSocketRefusesTheNextMessageOfARevokedKeyAndClosesWith1008() throws Exception {
        Holder holder = newHolder();
        Socket listener = new Socket();
        WebSocket ws = socket("/ws", listener, holder.key());
        ws.sendText(INITIALIZE, true).join();
        assertTrue(listener.next().contains("protocolVersion"));

        revoke(holder);
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_create\","
                + "\"arguments\":{\"title\":\"after revocation\",\"content\":\"must not be stored\"}}}", true);

        assertEquals("1008 credential revoked", listener.closed.get(20, TimeUnit.SECONDS));
        assertTrue(listener.messages.stream().noneMatch(message -> message.contains("\"id\":2")),
                "the message sent after revocation was not acted on: " + listener.messages);
        HttpResponse<String> stored = send(HttpRequest.newBuilder(base().resolve("/api/v1/memory"))
                .header("Authorization", "Bearer " + holder.token()).GET().build());
        assertTrue(!stored.body().contains("after revocation"), stored.body());
    }

    @Test
    void anIdleWebSocketOfARevokedKeyIsClosedWithinThePeriod() throws Exception {
        Holder holder = newHolder();
        Socket listener = new Socket();
        socket("/mcp/ws", listener, holder.key());

        revoke(holder);

        assertEquals("1008 credential revoked", listener.closed.get(20, TimeUnit.SECONDS));
    }

    @Test
    void theEventStreamEndsWithAClosedEventWhenItsKeyIsRevoked() throws Exception {
        Holder holder = newHolder();
        Lines events = stream("/api/v1/events", "X-API-Key", holder.key());
        events.await(":");

        revoke(holder);

        assertEquals("event: closed", events.await("event: closed"));
        assertTrue(events.await("data:").contains("credential revoked"));
        events.awaitEnd();
    }

    @Test
    void theEventStreamOfALoginTokenEndsWhenTheTokenExpires() throws Exception {
        Holder holder = newHolder();
        Lines events = stream("/api/v1/events", "Authorization", "Bearer " + holder.token());

        events.await("event: closed");
        assertTrue(events.await("data:").contains("credential expired"));
        events.awaitEnd();
    }

    @Test
    void theMcpGetStreamEndsWhenItsKeyIsRevoked() throws Exception {
        Holder holder = newHolder();
        HttpResponse<String> initialized = post("/mcp", INITIALIZE, "X-API-Key", holder.key());
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "X-API-Key", holder.key(),
                "Mcp-Session-Id", session);
        Lines stream = stream("/mcp", "X-API-Key", holder.key(), "Mcp-Session-Id", session);
        stream.await(":");

        revoke(holder);

        assertTrue(stream.await("closed").contains("credential revoked"));
        stream.awaitEnd();
    }

    @Test
    void theLegacySseStreamEndsWhenItsKeyIsRevoked() throws Exception {
        Holder holder = newHolder();
        Lines stream = stream("/sse", "X-API-Key", holder.key());
        String endpoint = stream.await("/messages?sessionId=");

        revoke(holder);

        assertTrue(stream.await("closed").contains("credential revoked"));
        stream.awaitEnd();
        String path = endpoint.substring(endpoint.indexOf("/messages"));
        assertEquals(401, post(path, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "X-API-Key", holder.key())
                .statusCode());
    }

    @Test
    void upgradesAtTrailingSlashSpellingsAreCheckedBefore101() {
        for (String path : List.of("/ws/", "/mcp/ws/")) {
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(base().resolve(path))
                    .header("Sec-WebSocket-Protocol", "mcp").GET().build());
            assertTrue(anonymous.statusCode() != 101, path);
            var missing = java.util.concurrent.CompletableFuture.supplyAsync(() -> http.newWebSocketBuilder()
                    .subprotocols("mcp").buildAsync(URI.create("ws://localhost:" + server.getPort() + path),
                            new Socket()));
            Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> missing.join().join());
            assertEquals(401, handshakeStatus(refused), path);
            Holder holder = newHolder();
            Throwable foreign = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> http.newWebSocketBuilder().subprotocols("mcp").header("X-API-Key", holder.key())
                            .header("Origin", "https://evil.example")
                            .buildAsync(URI.create("ws://localhost:" + server.getPort() + path), new Socket()).join());
            assertEquals(403, handshakeStatus(foreign), path);
        }
    }

    private static int handshakeStatus(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof java.net.http.WebSocketHandshakeException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw new AssertionError("not refused at the handshake", thrown);
        }
        return ((java.net.http.WebSocketHandshakeException) cause).getResponse().statusCode();
    }
}
