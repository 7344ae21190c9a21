package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A burst of sign-ins on the README's JVM options (a 96 MB heap, the serial collector) with the default Argon2id
 * cost (19 MiB per hash): every sign-in is answered, the wrong password too, and the heap never runs out. Each hash
 * fills its 19 MiB, so the hasher runs at most one per core at once and the others wait; before, 32 concurrent
 * sign-ins ran this heap out of memory (48 OutOfMemoryErrors, one answer in 10 s).
 */
class SignInBurstIT {

    private static final List<String> README_HEAP = List.of("-Xms24m", "-Xmx96m", "-Xmn16m", "-Xss512k",
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=64m",
            "-XX:+UseSerialGC");

    @Test
    void thirtyTwoConcurrentSignInsAreAllAnsweredWithinTheReadmeHeap() throws Exception {
        int port = RunningJar.freePort();
        String database = "jdbc:h2:file:" + Files.createTempDirectory("sign-in-burst") + "/db";
        RunningJar jar = RunningJar.start(README_HEAP, Map.of("ONASIS_DATABASE_URL", database,
                "ONASIS_ARGON2_MEMORY_KIB", "19456", "ONASIS_RATE_LIMITS_ENABLED", "false"), port);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            String ada = "{\"email\":\"burst-ada@example.com\",\"password\":\"ada's long password\"}";
            assertEquals(201, post(http, base + "/v1/auth/register", ada).statusCode());

            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String body = i % 4 == 3 ? "{\"email\":\"burst-ada@example.com\",\"password\":\"wrong password " + i + "\"}"
                        : ada;
                answers.add(http.sendAsync(request(base + "/v1/auth/login", body), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get(120, TimeUnit.SECONDS);
                if (i % 4 == 3) {
                    assertEquals(401, answer.statusCode(), "sign-in " + i + ": " + answer.body());
                } else {
                    assertEquals(200, answer.statusCode(), "sign-in " + i + ": " + answer.body());
                    assertTrue(answer.body().contains("\"access_token\""), answer.body());
                }
            }
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            jar.kill();
        }
        String log = jar.log();
        assertFalse(log.contains("OutOfMemoryError"), "the heap ran out: " + log.lines()
                .filter(line -> line.contains("OutOfMemoryError")).findFirst().orElse(""));
    }

    private static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
        return http.send(request(url, json), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
