package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The jar's own logging configuration (LogConfiguration): one JSON access line per request, carrying its request id, written by the
 * access log's worker thread, and still written for the last requests before a graceful stop (SIGTERM).
 */
class AccessLogIT {

    @Test
    void everyRequestServedBeforeAGracefulStopHasItsAccessLine() throws Exception {
        int port = RunningJar.freePort();
        String database = "jdbc:h2:file:" + Files.createTempDirectory("access-log") + "/db";
        RunningJar jar = RunningJar.start(Map.of("ONASIS_DATABASE_URL", database,
                "ONASIS_SEARCH_EMBEDDINGS", "none", "ONASIS_RATE_LIMITS_ENABLED", "false"), port);
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = IntStream.range(0, 300).mapToObj(i -> "access-line-" + String.format("%06d", i)).toList();
        try {
            for (String id : ids) {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/memory"))
                        .header("X-Request-ID", id).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, reply.statusCode(), reply.body());
            }
            assertTrue(jar.terminate(), "the jar stops on SIGTERM");
        } finally {
            jar.kill();
        }

        List<String> accessLines = jar.log().lines()
                .filter(line -> line.contains("\"loggerName\":\"onasis.access\"")).toList();
        for (String id : ids) {
            assertTrue(accessLines.stream().anyMatch(line -> line.contains("\"request_id\":\"" + id + "\"")
                            && line.contains("\"status\":\"401\"")),
                    "an access line for " + id + " among " + accessLines.size() + " access lines");
        }
    }
}
