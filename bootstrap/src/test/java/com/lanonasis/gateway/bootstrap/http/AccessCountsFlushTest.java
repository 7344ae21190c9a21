package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: memory reads are counted in memory and written behind (docs/performance.md). The
 * writer's period is set to an hour here, so only the graceful stop can write them: after a stop
 * and a restart on the same database, every read is counted.
 */
class AccessCountsFlushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGracefulStopWritesTheReadsThatWaited() throws Exception {
        Path directory = Files.createTempDirectory("access-counts");
        Map<String, Object> properties = Map.of(
                "onasis.database.url", "jdbc:h2:file:" + directory.resolve("db"),
                "onasis.memory-access.flush-period", "1h",
                "onasis.edge.rate-limits.enabled", "false",
                "micronaut.server.port", "-1");
        String id;
        ApplicationContext first = ApplicationContext.run(EmbeddedServer.class, properties, "test")
                .getApplicationContext();
        try {
            URI base = first.getBean(EmbeddedServer.class).getURI();
            String key = apiKey(base);
            HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/v1/memory"))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"content\":\"c\"}")).build());
            assertEquals(201, created.statusCode(), created.body());
            id = (String) JSON.readValue(created.body(), Map.class).get("id");
            for (int read = 1; read <= 7; read++) {
                HttpResponse<String> got = send(HttpRequest.newBuilder(base.resolve("/api/v1/memory/" + id))
                        .header("X-API-Key", key).GET().build());
                assertEquals(200, got.statusCode(), got.body());
                assertEquals(read, ((Number) JSON.readValue(got.body(), Map.class).get("access_count")).intValue(),
                        "a read sees the reads before it, written or waiting");
            }
            assertEquals(0, stored(first, id), "nothing written yet: the writer waits an hour");
            String metrics = send(HttpRequest.newBuilder(base.resolve("/metrics")).GET().build()).body();
            assertTrue(metrics.contains("\nonasis_memory_access_pending 1.0"), "one entry waits");
            assertTrue(metrics.contains("\nonasis_credential_cache_hits_total "), "the key was found in memory");
        } finally {
            first.close();
        }

        try (ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, properties, "test")
                .getApplicationContext()) {
            assertEquals(7, stored(second, id), "the stop wrote the seven waiting reads");
            try (Connection connection = second.getBean(HikariDataSource.class).getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT last_accessed FROM memory_entries WHERE id = ?")) {
                select.setObject(1, UUID.fromString(id));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    assertNotNull(row.getObject(1));
                }
            }
        }
    }

    private static int stored(ApplicationContext context, String id) throws Exception {
        try (Connection connection = context.getBean(HikariDataSource.class).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT access_count FROM memory_entries WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private String apiKey(URI base) throws Exception {
        String email = "counts@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"count every read please\"}";
        assertEquals(201, send(json(base, "/v1/auth/register", credentials, null)).statusCode());
        String token = (String) JSON.readValue(send(json(base, "/v1/auth/login", credentials, null)).body(),
                Map.class).get("access_token");
        HttpResponse<String> key = send(json(base, "/api/v1/auth/api-keys", "{\"name\":\"counts\"}", token));
        assertEquals(201, key.statusCode(), key.body());
        return (String) JSON.readValue(key.body(), Map.class).get("key");
    }

    private static HttpRequest json(URI base, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
