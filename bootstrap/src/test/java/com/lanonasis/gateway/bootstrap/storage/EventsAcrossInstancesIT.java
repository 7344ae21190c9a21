package com.lanonasis.gateway.bootstrap.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Two instances of the real jar sharing Postgres and Redis: a memory written through one
 * reaches a live event subscriber connected to the other (Redis pub/sub), and a subscriber
 * resuming on the other instance gets what it missed (the event history is in Redis too).
 */
class EventsAcrossInstancesIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEventRaisedOnOneInstanceReachesSubscribersOnTheOther() throws Exception {
        int redisPort = RunningJar.freePort();
        RedisServer redis = new RedisServer(redisPort);
        redis.start();
        Map<String, String> database = PostgresDatabases.neon();
        Map<String, String> shared = Map.of("ONASIS_STORAGE", database.get("onasis.storage"),
                "ONASIS_DATABASE_URL", database.get("onasis.database.url"),
                "ONASIS_EPHEMERAL", "redis", "ONASIS_REDIS_URL", "redis://127.0.0.1:" + redisPort);
        try (RunningJar writer = RunningJar.start(shared, RunningJar.freePort());
             RunningJar reader = RunningJar.start(shared, RunningJar.freePort())) {
            String key = writer.newApiKey();
            BlockingQueue<String> live = subscribe(reader, key, null);

            String id = field(post(writer, "/api/v1/memory", "{\"title\":\"across\",\"content\":\"instances\"}", key),
                    "id");

            String event = waitFor(live, id);
            assertTrue(event.contains("\"type\":\"memory.created\"") && event.contains("\"title\":\"across\""),
                    event);
            String createdEventId = lastId;
            post(writer, "/api/v1/memory", "{\"title\":\"missed\",\"content\":\"while away\"}", key);
            BlockingQueue<String> resumed = subscribe(writer, key, createdEventId);
            assertTrue(waitFor(resumed, "\"title\":\"missed\"").contains("missed"));
        } finally {
            redis.stop();
        }
    }

    private String lastId;

    private String waitFor(BlockingQueue<String> lines, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("id: ")) {
                lastId = line.substring(4);
            }
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no event with " + text + " within 10 s");
    }

    private BlockingQueue<String> subscribe(RunningJar jar, String key, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jar.port()
                + "/api/v1/events")).header("X-API-Key", key);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .join();
        assertEquals(200, response.statusCode());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        return lines;
    }

    private String post(RunningJar jar, String path, String json, String key) throws Exception {
        HttpResponse<String> response = send(jar, path, json, "key " + key);
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }

    private HttpResponse<String> send(RunningJar jar, String path, String json, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jar.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (auth != null && auth.startsWith("key ")) {
            request.header("X-API-Key", auth.substring(4));
        } else if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(matcher.find(), () -> "no " + name + " in " + json);
        return matcher.group(1);
    }
}
