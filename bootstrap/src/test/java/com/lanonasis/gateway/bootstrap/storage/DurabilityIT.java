package com.lanonasis.gateway.bootstrap.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whatever was acknowledged with 2xx survives {@code kill -9} of the real jar and a restart:
 * a user, an API key, a memory and an OAuth token, on Postgres (Neon flavour).
 */
class DurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acknowledgedWritesSurviveKillMinusNine() throws Exception {
        Map<String, String> storage = PostgresDatabases.neon();
        int port = RunningJar.freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        RunningJar first = start(storage, port);
        String email = "durable-" + UUID.randomUUID() + "@example.com";
        String key;
        String memoryId;
        String clientToken;
        try {
            assertEquals(201, post(base, "/v1/auth/register", Map.of("email", email, "password", "durable pass 1"),
                    null).statusCode());
            String token = (String) body(post(base, "/v1/auth/login", Map.of("email", email,
                    "password", "durable pass 1"), null)).get("access_token");
            key = (String) body(post(base, "/api/v1/auth/api-keys", Map.of("name", "k"), "Bearer " + token))
                    .get("key");
            HttpResponse<String> created = post(base, "/api/v1/memory", Map.of("title", "kept", "content",
                    "through a crash"), "X-API-Key " + key);
            assertEquals(201, created.statusCode());
            memoryId = (String) body(created).get("id");
            Map<String, Object> client = body(post(base, "/register", Map.of("grant_types",
                    java.util.List.of("client_credentials"), "response_types", java.util.List.of(),
                    "scope", "memories:read"), null));
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(base.resolve("/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + client.get("client_id") + "&client_secret=" + client.get("client_secret"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, issued.statusCode(), issued.body());
            clientToken = (String) JSON.readValue(issued.body(), Map.class).get("access_token");
            clientToken = clientToken + "|" + client.get("client_id") + "|" + client.get("client_secret");
        } finally {
            first.kill();
        }

        RunningJar second = start(storage, port);
        try {
            HttpResponse<String> memory = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/memory/" + memoryId))
                    .header("X-API-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, memory.statusCode(), "user, key and memory survived: " + memory.body());
            assertEquals("through a crash", body(memory).get("content"));
            String[] parts = clientToken.split("\\|");
            HttpResponse<String> introspected = http.send(HttpRequest.newBuilder(base.resolve("/oauth/introspect"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + parts[0] + "&client_id=" + parts[1]
                            + "&client_secret=" + parts[2])).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(introspected.body().contains("\"active\":true"), "client and token survived: "
                    + introspected.body());
        } finally {
            second.kill();
        }
    }

    private static RunningJar start(Map<String, String> storage, int port) throws Exception {
        return RunningJar.start(Map.of("ONASIS_STORAGE", storage.get("onasis.storage"),
                "ONASIS_DATABASE_URL", storage.get("onasis.database.url")), port);
    }

    private HttpResponse<String> post(URI base, String path, Map<String, ?> body, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (auth != null) {
            String[] header = auth.startsWith("X-API-Key ") ? new String[] {"X-API-Key", auth.substring(10)}
                    : new String[] {"Authorization", auth};
            request.header(header[0], header[1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }
}
