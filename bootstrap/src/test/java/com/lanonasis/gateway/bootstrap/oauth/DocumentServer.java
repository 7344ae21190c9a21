package com.lanonasis.gateway.bootstrap.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local web server publishing Client ID Metadata Documents, as an app's website would, and
 * misbehaving on request: slow, oversized, redirecting. Counts the fetches of each path.
 */
final class DocumentServer implements AutoCloseable {

    record Answer(int status, String contentType, String body, Map<String, String> headers, Duration delay) {

        static Answer json(String body) {
            return new Answer(200, "application/json", body, Map.of(), Duration.ZERO);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(name, value);
            return new Answer(status, contentType, body, all, delay);
        }

        Answer after(Duration wait) {
            return new Answer(status, contentType, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    DocumentServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a document at this path (http on loopback: the tests' allow-private-hosts setting). */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    int fetches(String path) {
        return fetches.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.get(path);
        try (exchange) {
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the gateway gave up on a slow answer and closed the connection
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
