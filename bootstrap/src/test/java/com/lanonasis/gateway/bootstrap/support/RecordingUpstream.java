package com.lanonasis.gateway.bootstrap.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Streamable HTTP MCP server on a real socket (JDK HttpServer) that records every request
 * it receives, headers and body, so tests can prove what the gateway passes on (identity headers,
 * its own credential) and what it never does (the client's credential). {@code initialize} answers
 * JSON with a session id; {@code tools/call} answers an SSE stream whose second event is written
 * only after {@link #releaseSecondEvent()}, so a client that sees the first event before then
 * proves the gateway does not buffer the stream.
 */
public final class RecordingUpstream implements AutoCloseable {

    /** One request as the upstream saw it; header names lower case. */
    public record Received(String method, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|-?\\d+)");

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch secondEvent = new CountDownLatch(1);

    public RecordingUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/mcp", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
        secondEvent = new CountDownLatch(1);
    }

    public void releaseSecondEvent() {
        secondEvent.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                List.copyOf(values)));
        received.add(new Received(exchange.getRequestMethod(), headers, body));
        Headers out = exchange.getResponseHeaders();
        try (exchange) {
            if (exchange.getRequestMethod().equals("DELETE")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Matcher id = ID.matcher(body);
            String rpcId = id.find() ? id.group(1) : null;
            if (rpcId == null) {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            if (body.contains("\"initialize\"")) {
                out.add("Content-Type", "application/json");
                out.add("Mcp-Session-Id", "upstream-session-1");
                out.add("WWW-Authenticate", "Bearer realm=\"upstream\"");
                byte[] reply = ("{\"jsonrpc\":\"2.0\",\"id\":" + rpcId + ",\"result\":{\"protocolVersion\":"
                        + "\"2025-11-25\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"recorder\","
                        + "\"version\":\"1\"}}}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
                return;
            }
            if (body.contains("\"tools/call\"")) {
                out.add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream stream = exchange.getResponseBody();
                stream.write(("id: 1\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                        + "\"params\":{\"progressToken\":1,\"progress\":1}}\n\n").getBytes(StandardCharsets.UTF_8));
                stream.flush();
                try {
                    secondEvent.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stream.write(("id: 2\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + rpcId + ",\"result\":"
                        + "{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}}\n\n").getBytes(StandardCharsets.UTF_8));
                stream.flush();
                return;
            }
            out.add("Content-Type", "application/json");
            byte[] reply = ("{\"jsonrpc\":\"2.0\",\"id\":" + rpcId + ",\"result\":{}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
