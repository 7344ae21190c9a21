package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.bootstrap.edge.Nginx;
import com.lanonasis.gateway.bootstrap.edge.NginxConfig;
import com.lanonasis.gateway.bootstrap.edge.RouteMap;
import com.lanonasis.gateway.bootstrap.edge.RouteMap.Deployment;
import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Any instance answers any 2026-07-28 request: two instances of the real jar on one Postgres and
 * one Redis, behind the nginx config the service generates (its upstream lists both, round-robin),
 * and a 2026-07-28 client whose requests nginx spreads over them. Each request carries its own
 * X-Request-ID, which nginx passes on and the instance that served it logs: so the test knows
 * which instance answered what, and asserts that a memory created on one was read, confirmed for
 * deletion (InputRequiredResult, then the retried call) and found gone on the other, and that a
 * subscriptions/listen stream on one instance hears memories created on both.
 */
class Mcp2026AcrossInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> requestIds = new ArrayList<>();
    private URI mcp;
    private String key;

    @Test
    void twoInstancesBehindRoundRobinNginxServeOneStatelessClient() throws Exception {
        assumeTrue(Nginx.binary().isPresent(), Nginx.NOT_INSTALLED);
        int redisPort = RunningJar.freePort();
        RedisServer redis = new RedisServer(redisPort);
        redis.start();
        Map<String, String> database = PostgresDatabases.neon();
        Map<String, String> shared = Map.of("ONASIS_STORAGE", database.get("onasis.storage"),
                "ONASIS_DATABASE_URL", database.get("onasis.database.url"),
                "ONASIS_EPHEMERAL", "redis", "ONASIS_REDIS_URL", "redis://127.0.0.1:" + redisPort,
                "ONASIS_MCP_REQUEST_STATE_KEY", UUID.randomUUID().toString());
        Path dir = Nginx.directory();
        int port = Nginx.freePort();
        try (RunningJar first = RunningJar.start(shared, RunningJar.freePort());
             RunningJar second = RunningJar.start(shared, RunningJar.freePort())) {
            Deployment site = new Deployment("localhost", "127.0.0.1:" + port, "1", dir + "/nginx.pid",
                    dir + "/logs/error.log", dir + "/logs/access.log",
                    List.of("127.0.0.1:" + first.port(), "127.0.0.1:" + second.port()), List.of(), dir.toString());
            String config = NginxConfig.render(RouteMap.read(Path.of("../docs/edge/route-map.yml")).withDeployment(site));
            try (Nginx nginx = Nginx.start(config, dir, port)) {
                mcp = URI.create("http://127.0.0.1:" + port + "/mcp");
                key = first.newApiKey();
                List<RunningJar> jars = List.of(first, second);
                listenAcrossInstances(nginx, jars);
                requestIds.clear();
                converse(nginx);
                String createdOn = servedBy(jars, requestIds.get(1));
                List<String> laterOn = new ArrayList<>();
                for (String id : requestIds.subList(2, requestIds.size())) {
                    laterOn.add(servedBy(jars, id));
                }
                assertTrue(laterOn.stream().anyMatch(jar -> !jar.equals(createdOn)),
                        "nothing after the create was served by the other instance: created on " + createdOn
                                + ", then " + laterOn);
                assertTrue(laterOn.contains("first") || createdOn.equals("first"), "first never served");
                assertTrue(laterOn.contains("second") || createdOn.equals("second"), "second never served");
            }
        } finally {
            redis.stop();
        }
    }

    /**
     * A subscriptions/listen stream opened through nginx (on one instance) sees the memories
     * created by two consecutive requests, which nginx gave to different instances: one of them
     * reached the stream through Redis.
     */
    private void listenAcrossInstances(Nginx nginx, List<RunningJar> jars) throws Exception {
        Map<String, Object> params = Map.of("notifications", Map.of("resourcesListChanged", true), "_meta",
                Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28",
                        "io.modelcontextprotocol/clientCapabilities", Map.of()));
        HttpRequest listen = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "subscriptions/listen").header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("jsonrpc", "2.0",
                        "id", "listen-1", "method", "subscriptions/listen", "params", params)))).build();
        HttpResponse<java.util.stream.Stream<String>> stream = http.sendAsync(listen,
                HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode(), nginx.logs());
        java.util.concurrent.BlockingQueue<JsonNode> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture.runAsync(() -> stream.body().filter(line -> line.startsWith("data:"))
                .forEach(line -> {
                    try {
                        frames.add(JSON.readTree(line.substring(5).strip()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        assertEquals("notifications/subscriptions/acknowledged", next(frames).path("method").asText());

        for (int i = 0; i < 2; i++) {
            call("tools/call", "memory_create", Map.of("name", "memory_create", "arguments",
                    Map.of("title", "heard " + i, "content", "c")), nginx);
        }
        assertTrue(!servedBy(jars, requestIds.get(0)).equals(servedBy(jars, requestIds.get(1))),
                "the two creates went to the same instance");
        for (int i = 0; i < 2; i++) {
            JsonNode changed = next(frames);
            assertEquals("notifications/resources/list_changed", changed.path("method").asText(), changed.toString());
            assertEquals("listen-1", changed.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
        }
        stream.body().close();
    }

    private static JsonNode next(java.util.concurrent.BlockingQueue<JsonNode> frames) throws InterruptedException {
        JsonNode frame = frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(frame != null, "nothing on the listen stream within 10 s");
        return frame;
    }

    /** The client's side: discover, create, read four times, bulk delete with its confirmation round, read again. */
    private void converse(Nginx nginx) throws Exception {
        JsonNode discovered = call("server/discover", null, Map.of(), nginx);
        assertEquals("2026-07-28", discovered.at("/result/supportedVersions/0").asText(), discovered.toString());

        JsonNode created = call("tools/call", "memory_create", Map.of("name", "memory_create", "arguments",
                Map.of("title", "across instances", "content", "written through nginx")), nginx);
        String id = created.at("/result/structuredContent/id").asText();
        assertTrue(!id.isEmpty(), created.toString());

        for (int i = 0; i < 4; i++) {
            JsonNode read = call("tools/call", "memory_get", Map.of("name", "memory_get", "arguments", Map.of("id", id)),
                    nginx);
            assertEquals("across instances", read.at("/result/structuredContent/title").asText(), read.toString());
        }

        Map<String, Object> bulk = Map.of("name", "memory_bulk_delete", "arguments", Map.of("ids", List.of(id)));
        JsonNode asked = call("tools/call", "memory_bulk_delete", bulk, nginx);
        assertEquals("input_required", asked.at("/result/resultType").asText(), asked.toString());
        assertEquals("elicitation/create", asked.at("/result/inputRequests/confirm_bulk_delete/method").asText());
        Map<String, Object> confirmed = new LinkedHashMap<>(bulk);
        confirmed.put("inputResponses", Map.of("confirm_bulk_delete",
                Map.of("action", "accept", "content", Map.of("confirm", true))));
        JsonNode deleted = call("tools/call", "memory_bulk_delete", confirmed, nginx);
        assertEquals(1, deleted.at("/result/structuredContent/count").asInt(), deleted.toString());

        JsonNode gone = call("tools/call", "memory_get", Map.of("name", "memory_get", "arguments", Map.of("id", id)),
                nginx);
        assertTrue(gone.at("/result/isError").asBoolean(), gone.toString());
    }

    private JsonNode call(String method, String name, Map<String, Object> params, Nginx nginx) throws Exception {
        String requestId = "h10-" + UUID.randomUUID();
        requestIds.add(requestId);
        Map<String, Object> withMeta = new LinkedHashMap<>(params);
        withMeta.put("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities", Map.of("elicitation", Map.of())));
        Map<String, Object> body = Map.of("jsonrpc", "2.0", "id", requestIds.size(), "method", method, "params",
                withMeta);
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", method).header("X-API-Key", key).header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (name != null) {
            request.header("Mcp-Name", name);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body() + nginx.logs());
        assertTrue(response.headers().firstValue("Mcp-Session-Id").isEmpty(), "a 2026-07-28 request got a session");
        String text = response.body();
        if (text.startsWith("id:") || text.startsWith("data:") || text.startsWith("event:")) {
            text = text.lines().filter(line -> line.startsWith("data:")).reduce((a, b) -> b).orElseThrow()
                    .substring(5).trim();
        }
        return JSON.readTree(text);
    }

    /** Which instance logged this request id. */
    private static String servedBy(List<RunningJar> jars, String requestId) throws Exception {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            if (jars.get(i).log().contains(requestId)) {
                found.add(i == 0 ? "first" : "second");
            }
        }
        assertEquals(1, found.size(), requestId + " logged by " + found);
        return found.get(0);
    }
}
