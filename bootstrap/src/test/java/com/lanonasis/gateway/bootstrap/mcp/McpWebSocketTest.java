package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * MCP over WebSocket as the TypeScript SDK's client transport speaks it: subprotocol {@code mcp},
 * one JSON-RPC message per text frame; credentials are checked at the upgrade.
 */
@MicronautTest
class McpWebSocketTest extends McpTestSupport {

    /** Collects whole text messages. */
    static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
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

        String next() throws InterruptedException {
            String message = messages.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 10 s");
            }
            return message;
        }

        /** The next message containing {@code text}, skipping others (e.g. event notifications). */
        String next(String text) throws InterruptedException {
            for (int i = 0; i < 20; i++) {
                String message = next();
                if (message.contains(text)) {
                    return message;
                }
            }
            throw new AssertionError("no message with " + text);
        }
    }

    private WebSocket open(String path, Frames frames, String... headers) {
        var builder = http.newWebSocketBuilder().subprotocols("mcp").connectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.buildAsync(URI.create("ws://localhost:" + server.getPort() + path), frames).join();
    }

    @Test
    void initializeListAndCallOverOneSocket() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = open("/ws", frames, "X-API-Key", newUserKey(null));
        assertEquals("mcp", socket.getSubprotocol());

        socket.sendText(INITIALIZE, true).join();
        assertTrue(frames.next().contains("\"protocolVersion\":\"2025-11-25\""));
        socket.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", true).join();
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_create\","
                + "\"arguments\":{\"title\":\"ws\",\"content\":\"over a socket\"}}}", true).join();
        String created = frames.next("\"id\":2");
        assertTrue(created.contains("\"isError\":false"), created);
        String id = field(created.substring(created.indexOf("structuredContent")), "id");

        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":{\"uri\":\"memory://"
                + id + "\"}}", true).join();
        assertTrue(frames.next("\"id\":3").contains("over a socket"));
        socket.sendText("{broken", true).join();
        assertTrue(frames.next("-32700").contains("Parse error"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void theMcpAliasPathAndQueryCredentialsWorkForClientsThatCannotSetHeaders() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = open("/mcp/ws?api_key=" + newUserKey(null), frames);
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", true).join();
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", frames.next());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void anUpgradeWithoutValidCredentialsIsRefusedWith401() {
        CompletionException missing = assertThrows(CompletionException.class, () -> open("/ws", new Frames()));
        assertEquals(401, ((WebSocketHandshakeException) missing.getCause()).getResponse().statusCode());
        CompletionException wrong = assertThrows(CompletionException.class,
                () -> open("/ws", new Frames(), "X-API-Key", "pk_x.sk_y"));
        assertEquals(401, ((WebSocketHandshakeException) wrong.getCause()).getResponse().statusCode());
        CompletionException foreign = assertThrows(CompletionException.class,
                () -> open("/ws", new Frames(), "X-API-Key", newUserKey(null), "Origin", "https://evil.example"));
        assertEquals(403, ((WebSocketHandshakeException) foreign.getCause()).getResponse().statusCode());
    }

    @Test
    void memoryChangesArriveAsNotificationsOnTheSocket() throws Exception {
        Frames frames = new Frames();
        String key = newUserKey(null);
        WebSocket socket = open("/ws", frames, "X-API-Key", key);
        socket.sendText(INITIALIZE, true).join();
        frames.next("protocolVersion");

        HttpResponse<String> created = post("/api/v1/memory", "{\"title\":\"seen live\",\"content\":\"x\"}",
                "X-API-Key", key);
        assertEquals(201, created.statusCode());

        assertTrue(frames.next("notifications/resources/list_changed").contains("\"jsonrpc\":\"2.0\""));
        String event = frames.next("memory-events");
        assertTrue(event.contains("memory.created memory://" + field(created.body(), "id")),
                event);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
