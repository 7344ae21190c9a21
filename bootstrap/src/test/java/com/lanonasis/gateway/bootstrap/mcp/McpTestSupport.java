package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user with an API key on the real server, and raw HTTP for what an SDK client would hide. */
abstract class McpTestSupport {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    @Inject
    EmbeddedServer server;

    final HttpClient http = HttpClient.newHttpClient();

    /** Loopback by name: the Host the MCP endpoints accept without configuration. */
    URI base() {
        return URI.create("http://localhost:" + server.getPort());
    }

    /** A new user's full API key with these scopes (null: the default memory scopes). */
    String newUserKey(List<String> scopes) {
        String email = "mcp-" + UUID.randomUUID() + "@example.com";
        String password = "pass " + UUID.randomUUID();
        assertEquals(201, post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .statusCode());
        String token = field(post("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .body(), "access_token");
        String body = scopes == null ? "{\"name\":\"mcp\"}"
                : "{\"name\":\"mcp\",\"scopes\":[\"" + String.join("\",\"", scopes) + "\"]}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(base().resolve("/api/v1/api-keys"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, created.statusCode(), created.body());
        return field(created.body(), "key");
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A top-level string field of a JSON body (enough for ids, keys and tokens). */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
