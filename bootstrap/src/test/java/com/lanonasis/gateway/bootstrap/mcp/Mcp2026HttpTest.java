package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MCP revision 2026-07-28 on {@code /mcp}, chosen per request, beside 2025-11-25 sessions on the
 * same server: raw HTTP, so every header and error code the spec names is visible.
 */
@MicronautTest
class Mcp2026HttpTest extends McpTestSupport {

    private static final String V2026 = "2026-07-28";

    @Inject
    JsonMapper mapper;

    private int ids;

    /** A 2026-07-28 request body: params with the per-request _meta. */
    private String body(String method, Map<String, Object> params) {
        return body(method, params, Map.of());
    }

    private String body(String method, Map<String, Object> params, Map<String, Object> capabilities) {
        Map<String, Object> withMeta = new LinkedHashMap<>(params);
        withMeta.put("_meta", Map.of("io.modelcontextprotocol/protocolVersion", V2026,
                "io.modelcontextprotocol/clientCapabilities", capabilities,
                "io.modelcontextprotocol/clientInfo", Map.of("name", "raw-http", "version", "1")));
        return write(Map.of("jsonrpc", "2.0", "id", ++ids, "method", method, "params", withMeta));
    }

    /** POST with the headers a conforming 2026-07-28 client sends, plus extra ones. */
    private HttpResponse<String> call(String key, String method, Map<String, Object> params, String... extra) {
        List<String> headers = new ArrayList<>(List.of("X-API-Key", key, "MCP-Protocol-Version", V2026,
                "Mcp-Method", method));
        Object name = params.containsKey("uri") ? params.get("uri") : params.get("name");
        if (name != null && List.of("tools/call", "prompts/get", "resources/read").contains(method)) {
            headers.addAll(List.of("Mcp-Name", String.valueOf(name)));
        }
        headers.addAll(List.of(extra));
        return post("/mcp", body(method, params), headers.toArray(String[]::new));
    }

    private HttpResponse<String> tool(String key, String name, Map<String, Object> arguments) {
        return call(key, "tools/call", Map.of("name", name, "arguments", arguments));
    }

    /** The JSON body, or the last message of an SSE answer (the response, after any notifications). */
    private Map<String, Object> json(HttpResponse<String> response) {
        String text = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String last = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("data:") && line.length() > 5) {
                    last = line.substring(5).strip();
                }
            }
            text = last;
        }
        try {
            return mapper.readValue(text.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Object result = json(response).get("result");
        assertNotNull(result, response.body());
        return (Map<String, Object>) result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> error(HttpResponse<String> response, int status, int code) {
        assertEquals(status, response.statusCode(), response.body());
        Map<String, Object> error = (Map<String, Object>) json(response).get("error");
        assertNotNull(error, response.body());
        assertEquals(code, ((Number) error.get("code")).intValue(), response.body());
        return error;
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoverAnswersWithoutInitializeOrSession() {
        String key = newUserKey(null);
        HttpResponse<String> discovered = call(key, "server/discover", Map.of());

        Map<String, Object> result = result(discovered);
        assertTrue(discovered.headers().firstValue("Mcp-Session-Id").isEmpty(), "2026-07-28 has no sessions");
        assertEquals(List.of(V2026, "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"), result.get("supportedVersions"));
        Map<String, Object> capabilities = (Map<String, Object>) result.get("capabilities");
        assertTrue(capabilities.containsKey("tools") && capabilities.containsKey("resources"), capabilities.toString());
        assertFalse(capabilities.containsKey("logging"), "no logging/setLevel without a session");
        Map<String, Object> info = (Map<String, Object>) ((Map<String, Object>) result.get("_meta"))
                .get("io.modelcontextprotocol/serverInfo");
        assertEquals("onasis-gateway", info.get("name"));
        assertEquals("complete", result.get("resultType"));
        assertEquals("public", result.get("cacheScope"));
        assertTrue(((Number) result.get("ttlMs")).longValue() >= 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolsRunStatelesslyWithAnApiKeyAndMatchTheSessionRevision() {
        String key = newUserKey(null);
        Map<String, Object> listed = result(call(key, "tools/list", Map.of()));
        assertEquals("complete", listed.get("resultType"));
        assertEquals("public", listed.get("cacheScope"));
        assertTrue(((Number) listed.get("ttlMs")).longValue() > 0);

        // the same tools, schemas and annotations as a 2025-11-25 session gets
        HttpResponse<String> initialized = post("/mcp", INITIALIZE, "X-API-Key", key);
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> old = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}",
                "X-API-Key", key, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertEquals(json(old).get("result"), Map.of("tools", listed.get("tools")));

        Map<String, Object> created = result(tool(key, "memory_create", Map.of("title", "stateless", "content", "c")));
        assertEquals("complete", created.get("resultType"));
        assertEquals(false, created.get("isError"));
        String id = (String) ((Map<String, Object>) created.get("structuredContent")).get("id");

        // any session id is ignored: no 404, none issued
        HttpResponse<String> got = tool(key, "memory_get", Map.of("id", id));
        assertEquals("stateless", ((Map<String, Object>) result(got).get("structuredContent")).get("title"));
        HttpResponse<String> ignored = call(key, "tools/call", Map.of("name", "memory_get", "arguments", Map.of("id", id)),
                "Mcp-Session-Id", "0".repeat(32));
        assertEquals(200, ignored.statusCode(), ignored.body());
        assertTrue(ignored.headers().firstValue("Mcp-Session-Id").isEmpty());

        // the same refusal texts on both revisions
        Map<String, Object> bad = result(tool(key, "memory_get", Map.of("id", id, "extra", 1)));
        assertEquals(true, bad.get("isError"));
        HttpResponse<String> badOld = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"memory_get\",\"arguments\":{\"id\":\"" + id + "\",\"extra\":1}}}",
                "X-API-Key", key, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        Map<String, Object> oldResult = (Map<String, Object>) json(badOld).get("result");
        assertEquals(oldResult.get("content"), bad.get("content"));

        Map<String, Object> resources = result(call(key, "resources/list", Map.of()));
        assertEquals("private", resources.get("cacheScope"));
        assertEquals(0, ((Number) resources.get("ttlMs")).intValue());
        Map<String, Object> read = result(call(key, "resources/read", Map.of("uri", "memory://" + id)));
        assertEquals("private", read.get("cacheScope"));

        // a read-only key: the same 403 step-up challenge as on a session
        String readOnly = newUserKey(List.of("memories:read"));
        HttpResponse<String> refused = tool(readOnly, "memory_create", Map.of("title", "t", "content", "c"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("scope=\"memories:write\""));
        assertEquals(401, post("/mcp", body("tools/list", Map.of()), "MCP-Protocol-Version", V2026,
                "Mcp-Method", "tools/list").statusCode());
    }

    @Test
    void headersThatDoNotMirrorTheBodyAreRefusedWith32020AndNothingIsWritten() {
        String key = newUserKey(null);
        Map<String, Object> create = Map.of("name", "memory_create", "arguments", Map.of("title", "t", "content", "c"));
        String json = body("tools/call", create);

        error(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", V2026, "Mcp-Method", "tools/list",
                "Mcp-Name", "memory_create"), 400, -32020);
        error(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", V2026, "Mcp-Name", "memory_create"),
                400, -32020);
        error(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", V2026, "Mcp-Method", "tools/call"),
                400, -32020);
        error(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", V2026, "Mcp-Method", "tools/call",
                "Mcp-Name", "memory_delete"), 400, -32020);
        error(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", V2026, "Mcp-Method", "TOOLS/CALL",
                "Mcp-Name", "memory_create"), 400, -32020);
        // the body names 2026-07-28 but the header is missing or another revision
        error(post("/mcp", json, "X-API-Key", key, "Mcp-Method", "tools/call", "Mcp-Name", "memory_create"), 400, -32020);
        error(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/call",
                "Mcp-Name", "memory_create"), 400, -32020);
        assertEquals(0, memoryCount(key), "no refused call may write");

        // the header names 2026-07-28 but _meta lacks what the revision requires
        error(post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "X-API-Key", key,
                "MCP-Protocol-Version", V2026, "Mcp-Method", "tools/list"), 400, -32602);

        // whitespace around values, any spelling of the names, Base64 sentinel values: accepted
        result(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", V2026, "mcp-method", " tools/call ",
                "MCP-NAME", "  memory_create\t"));
        result(post("/mcp", json, "X-API-Key", key, "MCP-Protocol-Version", V2026, "Mcp-Method", "tools/call",
                "Mcp-Name", "=?base64?" + Base64.getEncoder().encodeToString("memory_create".getBytes(StandardCharsets.UTF_8))
                        + "?="));
        assertEquals(2, memoryCount(key));
    }

    @SuppressWarnings("unchecked")
    private int memoryCount(String key) {
        Map<String, Object> stats = result(tool(key, "memory_stats", Map.of()));
        Map<String, Object> structured = (Map<String, Object>) stats.get("structuredContent");
        return ((Number) structured.get("total_memories")).intValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnsupportedVersionIs32022WithTheSupportedList() {
        String key = newUserKey(null);
        HttpResponse<String> refused = post("/mcp", body("tools/list", Map.of()), "X-API-Key", key,
                "MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list");
        Map<String, Object> error = error(refused, 400, -32022);
        assertEquals(ids, ((Number) json(refused).get("id")).intValue(), "the error answers the request's id");
        Map<String, Object> data = (Map<String, Object>) error.get("data");
        assertEquals("2099-01-01", data.get("requested"));
        assertTrue(((List<String>) data.get("supported")).containsAll(List.of(V2026, "2025-11-25")), data.toString());
    }

    @Test
    void unknownAndRemovedMethodsAre404WithMethodNotFound() {
        String key = newUserKey(null);
        error(call(key, "nothing/here", Map.of()), 404, -32601);
        error(call(key, "ping", Map.of()), 404, -32601);
        error(call(key, "initialize", Map.of("protocolVersion", V2026, "capabilities", Map.of(),
                "clientInfo", Map.of("name", "x", "version", "1"))), 404, -32601);
    }

    @Test
    void aSessionOfRevision20251125LivesBesideStatelessRequests() {
        String key = newUserKey(null);
        HttpResponse<String> initialized = post("/mcp", INITIALIZE, "X-API-Key", key);
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals("2025-11-25", field(initialized.body(), "protocolVersion"));

        result(call(key, "server/discover", Map.of()));
        result(tool(key, "memory_create", Map.of("title", "beside", "content", "c")));
        HttpResponse<String> listed = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}",
                "X-API-Key", key, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains("resultType"), "older revisions get their own result shapes");

        // no GET stream and no DELETE in 2026-07-28; the session is untouched by them
        HttpResponse<String> get = send(HttpRequest.newBuilder(base().resolve("/mcp")).GET().header("X-API-Key", key)
                .header("Accept", "text/event-stream").header("MCP-Protocol-Version", V2026).build());
        assertEquals(405, get.statusCode());
        HttpResponse<String> delete = send(HttpRequest.newBuilder(base().resolve("/mcp")).DELETE().header("X-API-Key", key)
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", V2026).build());
        assertEquals(405, delete.statusCode());
        assertEquals(200, post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", "X-API-Key", key,
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25").statusCode());
        assertEquals(204, send(HttpRequest.newBuilder(base().resolve("/mcp")).DELETE().header("X-API-Key", key)
                .header("Mcp-Session-Id", session).build()).statusCode());
    }

    private HttpResponse<String> bulkDelete(String key, Map<String, Object> params, Map<String, Object> capabilities) {
        Map<String, Object> withName = new LinkedHashMap<>(params);
        withName.put("name", "memory_bulk_delete");
        return post("/mcp", body("tools/call", withName, capabilities), "X-API-Key", key, "MCP-Protocol-Version", V2026,
                "Mcp-Method", "tools/call", "Mcp-Name", "memory_bulk_delete");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBulkDeleteIsConfirmedThroughAnInputRequiredResult() {
        String key = newUserKey(null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add((String) ((Map<String, Object>) result(tool(key, "memory_create", Map.of("title", "bulk " + i,
                    "content", "c"))).get("structuredContent")).get("id"));
        }
        Map<String, Object> elicitation = Map.of("elicitation", Map.of());
        Map<String, Object> arguments = Map.of("ids", ids.subList(0, 2));

        // round 1: the server asks instead of deleting
        Map<String, Object> asked = result(bulkDelete(key, Map.of("arguments", arguments), elicitation));
        assertEquals("input_required", asked.get("resultType"), asked.toString());
        Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) asked.get("inputRequests"))
                .get("confirm_bulk_delete");
        assertEquals("elicitation/create", request.get("method"));
        assertTrue(String.valueOf(((Map<String, Object>) request.get("params")).get("message")).contains("bulk 0"));
        assertEquals(3, memoryCount(key));

        // the user says no: nothing goes
        Map<String, Object> declined = result(bulkDelete(key, Map.of("arguments", arguments, "inputResponses",
                Map.of("confirm_bulk_delete", Map.of("action", "decline"))), elicitation));
        assertEquals("complete", declined.get("resultType"));
        assertEquals(false, ((Map<String, Object>) declined.get("structuredContent")).get("deleted"));
        assertEquals(3, memoryCount(key));

        // a client that cannot be asked must pass confirm: true; one unknown id deletes nothing
        Map<String, Object> unconfirmed = result(bulkDelete(key, Map.of("arguments", arguments), Map.of()));
        assertEquals(true, unconfirmed.get("isError"), unconfirmed.toString());
        Map<String, Object> unknown = result(bulkDelete(key, Map.of("arguments", Map.of("ids",
                List.of(ids.get(0), "00000000-0000-0000-0000-000000000000"), "confirm", true)), Map.of()));
        assertEquals(true, unknown.get("isError"), unknown.toString());
        assertEquals(3, memoryCount(key));

        // round 2 with the user's yes: both go, the third stays
        Map<String, Object> done = result(bulkDelete(key, Map.of("arguments", arguments, "inputResponses",
                Map.of("confirm_bulk_delete", Map.of("action", "accept", "content", Map.of("confirm", true)))),
                elicitation));
        assertEquals("complete", done.get("resultType"));
        assertEquals(2, ((Number) ((Map<String, Object>) done.get("structuredContent")).get("count")).intValue());
        assertEquals(1, memoryCount(key));
    }

    /**
     * subscriptions/listen: acknowledged first with what the server will send, then the caller's
     * memory changes (list_changed, updated for a subscribed URI), each tagged with the listen
     * request's id; another user's changes never arrive; without params.notifications → -32602.
     */
    @Test
    void subscriptionsListenCarriesTheCallersMemoryChanges() throws Exception {
        String key = newUserKey(null);
        String other = newUserKey(null);
        String id = (String) ((Map<?, ?>) result(tool(key, "memory_create", Map.of("title", "watched",
                "content", "c"))).get("structuredContent")).get("id");
        error(call(key, "subscriptions/listen", Map.of()), 400, -32602);

        int listenId = ids + 1;
        String listen = body("subscriptions/listen", Map.of("notifications", Map.of("resourcesListChanged", true,
                "resourceSubscriptions", List.of("memory://" + id), "toolsListChanged", true)));
        HttpRequest request = HttpRequest.newBuilder(base().resolve("/mcp")).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("X-API-Key", key)
                .header("MCP-Protocol-Version", V2026).header("Mcp-Method", "subscriptions/listen")
                .POST(HttpRequest.BodyPublishers.ofString(listen)).build();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> stream = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        java.util.concurrent.BlockingQueue<String> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture.runAsync(() -> stream.body().filter(line -> line.startsWith("data:"))
                .forEach(line -> frames.add(line.substring(5).strip())));

        Map<String, Object> ack = frame(frames);
        assertEquals("notifications/subscriptions/acknowledged", ack.get("method"), ack.toString());
        Map<?, ?> ackParams = (Map<?, ?>) ack.get("params");
        assertEquals(Map.of("resourcesListChanged", true, "resourceSubscriptions", List.of("memory://" + id)),
                ackParams.get("notifications"), "tool lists never change, so toolsListChanged is not honored");
        assertEquals(listenId, ((Number) ((Map<?, ?>) ackParams.get("_meta"))
                .get("io.modelcontextprotocol/subscriptionId")).intValue());

        result(tool(other, "memory_create", Map.of("title", "someone else's", "content", "c")));
        result(tool(key, "memory_update", Map.of("id", id, "title", "changed")));
        Map<String, Object> updated = frame(frames);
        assertEquals("notifications/resources/updated", updated.get("method"), "another user's change arrived? "
                + updated);
        assertEquals("memory://" + id, ((Map<?, ?>) updated.get("params")).get("uri"));
        result(tool(key, "memory_create", Map.of("title", "new", "content", "c")));
        Map<String, Object> changed = frame(frames);
        assertEquals("notifications/resources/list_changed", changed.get("method"), changed.toString());
        assertEquals(listenId, ((Number) ((Map<?, ?>) ((Map<?, ?>) changed.get("params")).get("_meta"))
                .get("io.modelcontextprotocol/subscriptionId")).intValue());
    }

    private Map<String, Object> frame(java.util.concurrent.BlockingQueue<String> frames) throws Exception {
        String data = frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertNotNull(data, "no frame on the listen stream within 10 s");
        return mapper.readValue(data.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
    }
}
