package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/events}: the caller's own memory events, live, resumable by Last-Event-ID. */
@MicronautTest
class EventsHttpTest extends HttpTest {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    /** An open event stream whose lines arrive in a queue. */
    private BlockingQueue<String> open(String key, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort()
                + "/api/v1/events")).header("X-API-Key", key).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .join();
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        return lines;
    }

    /** The next event: its id, name and data lines. */
    private static Map<String, String> nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        Map<String, String> event = new java.util.HashMap<>();
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no event within 10 s");
            }
            if (line.isEmpty() && event.containsKey("data")) {
                return event;
            }
            int colon = line.indexOf(": ");
            if (colon > 0) {
                event.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
    }

    @Test
    void theCallerSeesItsOwnCreatedUpdatedAndDeletedEventsOnly() throws Exception {
        Api.Account alice = api.newAccount();
        String aliceKey = api.apiKey(alice, null);
        String bobKey = api.apiKey(api.newAccount(), null);
        BlockingQueue<String> stream = open(aliceKey, null);

        api.post("/api/v1/memory", Map.of("title", "bob's", "content", "not for alice"), "X-API-Key", bobKey);
        String id = api.post("/api/v1/memory", Map.of("title", "live", "content", "c"), "X-API-Key", aliceKey)
                .string("id");
        api.put("/api/v1/memory/" + id, Map.of("title", "renamed"), "X-API-Key", aliceKey);
        api.delete("/api/v1/memory/" + id, "X-API-Key", aliceKey);

        Map<String, String> created = nextEvent(stream);
        assertEquals("memory.created", created.get("event"));
        assertTrue(created.get("data").contains("\"memory_id\":\"" + id + "\"") && created.get("data")
                .contains("\"title\":\"live\""), created.toString());
        assertTrue(created.get("id").matches("\\d{13}-[0-9a-f]{8}"), created.get("id"));
        Map<String, String> updated = nextEvent(stream);
        assertEquals("memory.updated", updated.get("event"));
        assertTrue(updated.get("data").contains("renamed"));
        assertEquals("memory.deleted", nextEvent(stream).get("event"));
    }

    @Test
    void lastEventIdResumesWithWhatHappenedWhileDisconnected() throws Exception {
        String key = api.apiKey(api.newAccount(), null);
        BlockingQueue<String> first = open(key, null);
        api.post("/api/v1/memory", Map.of("title", "one", "content", "c"), "X-API-Key", key);
        String seen = nextEvent(first).get("id");

        api.post("/api/v1/memory", Map.of("title", "two", "content", "c"), "X-API-Key", key);
        api.post("/api/v1/memory", Map.of("title", "three", "content", "c"), "X-API-Key", key);
        BlockingQueue<String> resumed = open(key, seen);

        List<String> titles = List.of(nextEvent(resumed).get("data"), nextEvent(resumed).get("data"));
        assertTrue(titles.get(0).contains("\"title\":\"two\"") && titles.get(1).contains("\"title\":\"three\""),
                titles.toString());
    }

    @Test
    void theStreamNeedsACredentialWithReadScope() {
        assertEquals(401, api.get("/api/v1/events").status());
        Api.Account account = api.newAccount();
        String writeOnly = api.apiKey(account, List.of("memories:write"));
        Api.Reply refused = api.get("/api/v1/events", "X-API-Key", writeOnly);
        assertEquals(403, refused.status());
        assertEquals("insufficient_scope", refused.string("error"));
    }
}
