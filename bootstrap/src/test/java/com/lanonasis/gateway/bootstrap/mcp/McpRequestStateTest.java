package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The requestState of 2026-07-28 InputRequiredResults (conformance profile fixture
 * {@code test_input_required_result_multi_round}): it carries what the tool learnt across rounds,
 * and anything but the exact state this server issued to this caller for this tool is refused
 * with -32602 before the tool runs: a changed state, another user's, another tool's.
 */
@MicronautTest
@Property(name = "onasis.mcp.conformance.enabled", value = "true")
class McpRequestStateTest extends McpTestSupport {

    private static final String MULTI_ROUND = "test_input_required_result_multi_round";
    private static final String REQUEST_STATE = "test_input_required_result_request_state";

    @Inject
    JsonMapper mapper;

    @Test
    @SuppressWarnings("unchecked")
    void stateCarriesAnswersAcrossRoundsAndOnlyIntactOwnStateIsAccepted() throws Exception {
        String key = newUserKey(null);
        String otherKey = newUserKey(null);

        Map<String, Object> round1 = result(call(key, MULTI_ROUND, Map.of()));
        assertEquals("input_required", round1.get("resultType"));
        String state1 = (String) round1.get("requestState");
        assertNotNull(state1, round1.toString());

        Map<String, Object> round2 = result(call(key, MULTI_ROUND, Map.of("requestState", state1,
                "inputResponses", Map.of("step1", Map.of("action", "accept", "content", Map.of("name", "Ada"))))));
        assertEquals("input_required", round2.get("resultType"));
        String state2 = (String) round2.get("requestState");
        assertNotEquals(state1, state2);
        assertTrue(((Map<String, Object>) round2.get("inputRequests")).containsKey("step2"), round2.toString());

        Map<String, Object> step2 = Map.of("step2", Map.of("action", "accept", "content", Map.of("color", "blue")));
        Map<String, Object> done = result(call(key, MULTI_ROUND, Map.of("requestState", state2, "inputResponses", step2)));
        assertEquals("complete", done.get("resultType"));
        assertTrue(String.valueOf(done.get("content")).contains("Ada likes blue"), done.toString());

        // one character of the signed part changed (the signature covers the text itself)
        String tampered = state2.substring(0, 5) + (state2.charAt(5) == 'x' ? 'y' : 'x') + state2.substring(6);
        refused(call(key, MULTI_ROUND, Map.of("requestState", tampered, "inputResponses", step2)));
        refused(call(key, MULTI_ROUND, Map.of("requestState", state2 + "-TAMPERED", "inputResponses", step2)));
        refused(call(otherKey, MULTI_ROUND, Map.of("requestState", state2, "inputResponses", step2)));
        refused(call(key, REQUEST_STATE, Map.of("requestState", state2, "inputResponses", step2)));
        refused(call(key, MULTI_ROUND, Map.of("requestState", 42, "inputResponses", step2)));
        refused(call(key, MULTI_ROUND, Map.of("inputResponses", "yes")));
    }

    private HttpResponse<String> call(String key, String tool, Map<String, Object> extra) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("name", tool, "arguments", Map.of()));
        params.putAll(extra);
        params.put("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities", Map.of("elicitation", Map.of())));
        String body = mapper.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/call",
                "params", params));
        return post("/mcp", body, "X-API-Key", key, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", tool);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> reply = mapper.readValue(response.body().getBytes(StandardCharsets.UTF_8),
                Argument.mapOf(String.class, Object.class));
        assertNotNull(reply.get("result"), response.body());
        return (Map<String, Object>) reply.get("result");
    }

    @SuppressWarnings("unchecked")
    private void refused(HttpResponse<String> response) throws Exception {
        Map<String, Object> reply = mapper.readValue(response.body().getBytes(StandardCharsets.UTF_8),
                Argument.mapOf(String.class, Object.class));
        Map<String, Object> error = (Map<String, Object>) reply.get("error");
        assertNotNull(error, "accepted: " + response.body());
        assertEquals(-32602, ((Number) error.get("code")).intValue(), response.body());
        assertTrue(!response.body().contains("likes"), "the tool ran: " + response.body());
    }
}
