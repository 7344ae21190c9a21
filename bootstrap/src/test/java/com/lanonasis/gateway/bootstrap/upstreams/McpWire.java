package com.lanonasis.gateway.bootstrap.upstreams;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Streamable HTTP by hand for the upstream tests: one session, JSON or SSE answers read to the response. */
final class McpWire {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI url;
    private final Map<String, String> headers;
    private String session;
    private int ids;

    McpWire(String url, Map<String, String> headers) {
        this.url = URI.create(url);
        this.headers = new LinkedHashMap<>(headers);
    }

    String session() {
        return session;
    }

    /** initialize + notifications/initialized; the initialize answer. */
    HttpResponse<String> initialize() throws Exception {
        HttpResponse<String> answer = post(Map.of("jsonrpc", "2.0", "id", ++ids, "method", "initialize", "params",
                Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "onasis-upstream-test", "version", "1"))));
        session = answer.headers().firstValue("Mcp-Session-Id").orElse(null);
        if (answer.statusCode() == 200) {
            post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
        }
        return answer;
    }

    HttpResponse<String> call(String tool, Map<String, Object> arguments) throws Exception {
        return post(Map.of("jsonrpc", "2.0", "id", ++ids, "method", "tools/call", "params",
                Map.of("name", tool, "arguments", arguments)));
    }

    CompletableFuture<HttpResponse<String>> callAsync(String tool, Map<String, Object> arguments) throws Exception {
        return HTTP.sendAsync(request(Map.of("jsonrpc", "2.0", "id", ++ids, "method", "tools/call", "params",
                Map.of("name", tool, "arguments", arguments))), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(Object message) throws IOException, InterruptedException {
        return HTTP.send(request(message), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete() throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).DELETE();
        headers.forEach(builder::header);
        if (session != null) {
            builder.header("Mcp-Session-Id", session);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(Object message) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(message)));
        headers.forEach(builder::header);
        if (session != null) {
            builder.header("Mcp-Session-Id", session);
        }
        return builder.build();
    }

    /** The JSON-RPC response in a JSON or SSE body: the last {@code data:} line that carries an id. */
    static Map<?, ?> response(HttpResponse<String> answer) throws IOException {
        String body = answer.body();
        if (!body.startsWith("{")) {
            String last = null;
            for (String line : body.split("\n")) {
                if (line.startsWith("data:") && line.contains("\"id\"")) {
                    last = line.substring(5).strip();
                }
            }
            body = last == null ? "{}" : last;
        }
        return JSON.readValue(body, Map.class);
    }
}
