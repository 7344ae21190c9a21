package com.lanonasis.gateway.bootstrap.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Stands in for an MCP client's credential handling where a tool cannot send one (the conformance
 * suite has no header option): listens on loopback, adds the given headers to every request and
 * relays it to {@code target}, streaming the answer back chunk by chunk (SSE stays SSE).
 */
public final class CredentialShim implements AutoCloseable {

    private static final Set<String> HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    public CredentialShim(URI target, Map<String, String> added) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> relay(exchange, target, added));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    private void relay(HttpExchange exchange, URI target, Map<String, String> added) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            added.forEach(request::header);
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            boolean empty = response.statusCode() == 204 || response.statusCode() == 202
                    || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : 0);
            try (InputStream in = response.body()) {
                if (empty) {
                    in.readAllBytes();
                    return;
                }
                OutputStream out = exchange.getResponseBody();
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // the client went away mid-stream
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
