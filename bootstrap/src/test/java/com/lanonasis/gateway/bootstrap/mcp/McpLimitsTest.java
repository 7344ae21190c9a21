package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the MCP endpoint is not unbounded (messages per credential are rate-limited, open
 * sessions per user are capped) and a tool result carrying a new API key is never cacheable.
 */
@MicronautTest
@Property(name = "onasis.mcp.max-sessions-per-user", value = "3")
@Property(name = "onasis.edge.rate-limits.enabled", value = "true")
class McpLimitsTest extends McpTestSupport {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    @Test
    void aUserHoldsAtMostTheConfiguredSessionsAndTheLeastRecentlyUsedIsEnded() {
        String key = newUserKey(null);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> initialized = post("/mcp", INITIALIZE, "X-API-Key", key);
            assertEquals(200, initialized.statusCode(), initialized.body());
            opened.add(initialized.headers().firstValue("Mcp-Session-Id").orElseThrow());
        }

        assertEquals(404, post("/mcp", PING, "X-API-Key", key, "Mcp-Session-Id", opened.get(0)).statusCode(),
                "the oldest of four was ended");
        for (String session : opened.subList(1, 4)) {
            assertEquals(200, post("/mcp", PING, "X-API-Key", key, "Mcp-Session-Id", session).statusCode());
        }
    }

    @Test
    void mcpMessagesArePerCredentialRateLimited() {
        String key = newUserKey(null);
        int status = 0;
        int accepted = 0;
        // windows are fixed minutes: a run across a boundary may see up to twice the limit before 429
        for (int i = 0; i < 700 && status != 429; i++) {
            HttpResponse<String> answer = post("/mcp", PING, "X-API-Key", key);
            status = answer.statusCode();
            if (status == 200) {
                accepted++;
            } else {
                assertEquals(429, status, answer.body());
                assertTrue(Integer.parseInt(answer.headers().firstValue("Retry-After").orElse("0")) > 0);
            }
        }
        assertEquals(429, status, "no limit within 700 messages");
        assertTrue(accepted >= 300 && accepted <= 600, "accepted " + accepted);
    }

    @Test
    void aToolResultCarryingANewKeyIsNotStoredByCaches() {
        String key = newUserKey(List.of("memories:read", "api-keys:write"));
        HttpResponse<String> created = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"api_key_create\",\"arguments\":{\"name\":\"from mcp\",\"scopes\":[\"memories:read\"]}}}", "X-API-Key", key);
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("sk_"), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> rest = post("/api/v1/tools/api_key_create", "{\"name\":\"from rest\",\"scopes\":[\"memories:read\"]}", "X-API-Key", key);
        assertEquals(200, rest.statusCode(), rest.body());
        assertEquals("no-store", rest.headers().firstValue("Cache-Control").orElse(""));
    }
}
