package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP rules of the MCP endpoint that an SDK client hides: statuses, headers, sessions. */
@MicronautTest
class McpHttpTest extends McpTestSupport {

    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @Test
    void withoutCredentialsTheChallengePointsAtTheResourceMetadata() {
        HttpResponse<String> refused = post("/mcp", INITIALIZE);

        assertEquals(401, refused.statusCode());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer resource_metadata=\"http://localhost:4000/.well-known/"
                + "oauth-protected-resource/mcp\""), challenge);
        assertTrue(challenge.contains("scope=\"memories:read memories:write\""), challenge);

        HttpResponse<String> metadata = send(HttpRequest.newBuilder(base().resolve(
                "/.well-known/oauth-protected-resource/mcp")).build());
        assertEquals(200, metadata.statusCode());
        assertEquals("http://localhost:4000/mcp", field(metadata.body(), "resource"));
        assertTrue(metadata.body().contains("\"authorization_servers\":[\"http://localhost:4000\"]"), metadata.body());
        HttpResponse<String> root = send(HttpRequest.newBuilder(base().resolve(
                "/.well-known/oauth-protected-resource")).build());
        assertEquals("http://localhost:4000", field(root.body(), "resource"));
    }

    @Test
    void wrongCredentialsAre401AndAMissingScopeIs403WithAStepUpChallenge() {
        assertEquals(401, post("/mcp", INITIALIZE, "X-API-Key", "pk_nope.sk_nope").statusCode());
        assertEquals(401, post("/mcp", INITIALIZE, "Authorization", "Bearer not-a-token").statusCode());

        String readOnly = newUserKey(List.of("memories:read"));
        HttpResponse<String> listed = post("/mcp", LIST, "X-API-Key", readOnly);
        assertEquals(200, listed.statusCode(), listed.body());
        HttpResponse<String> write = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"memory_create\",\"arguments\":{\"title\":\"t\",\"content\":\"c\"}}}", "X-API-Key", readOnly);

        assertEquals(403, write.statusCode(), write.body());
        String challenge = write.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("error=\"insufficient_scope\"") && challenge.contains("scope=\"memories:write\""),
                challenge);
    }

    @Test
    void sessionsAreIssuedAtInitializeAndBoundToTheirUser() {
        String alice = newUserKey(null);
        HttpResponse<String> initialized = post("/mcp", INITIALIZE, "X-API-Key", alice);
        assertEquals(200, initialized.statusCode(), initialized.body());
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertTrue(session.matches("[0-9a-f]{32}"), session);

        assertEquals(202, post("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "X-API-Key", alice, "Mcp-Session-Id", session).statusCode());
        assertEquals(200, post("/mcp", LIST, "X-API-Key", alice, "Mcp-Session-Id", session,
                "MCP-Protocol-Version", "2025-11-25").statusCode());

        String bob = newUserKey(null);
        assertEquals(404, post("/mcp", LIST, "X-API-Key", bob, "Mcp-Session-Id", session).statusCode(),
                "a session id is not a credential: another user's id is unknown to them");
        assertEquals(404, post("/mcp", LIST, "X-API-Key", alice, "Mcp-Session-Id", "0".repeat(32)).statusCode());

        HttpResponse<String> ended = send(HttpRequest.newBuilder(base().resolve("/mcp")).DELETE()
                .header("X-API-Key", alice).header("Mcp-Session-Id", session).build());
        assertEquals(204, ended.statusCode());
        assertEquals(404, post("/mcp", LIST, "X-API-Key", alice, "Mcp-Session-Id", session).statusCode());
    }

    @Test
    void protocolVersionsAreNegotiatedAndAnUnknownVersionHeaderIs400() {
        String key = newUserKey(null);
        HttpResponse<String> old = post("/mcp", INITIALIZE.replace("2025-11-25", "2025-03-26"), "X-API-Key", key);
        assertEquals("2025-03-26", field(old.body(), "protocolVersion"));
        HttpResponse<String> future = post("/mcp", INITIALIZE.replace("2025-11-25", "2099-01-01"), "X-API-Key", key);
        assertEquals("2025-11-25", field(future.body(), "protocolVersion"), "unknown → our latest");

        HttpResponse<String> bad = post("/mcp", LIST, "X-API-Key", key, "MCP-Protocol-Version", "1999-01-01");
        assertEquals(400, bad.statusCode());
    }

    @Test
    void foreignOriginsAndHostsAreRefusedAgainstDnsRebinding() {
        String key = newUserKey(null);
        assertEquals(403, post("/mcp", INITIALIZE, "X-API-Key", key, "Origin", "https://evil.example").statusCode());
        assertEquals(200, post("/mcp", INITIALIZE, "X-API-Key", key, "Origin", "http://localhost:6274").statusCode());
        assertEquals(200, post("/mcp", INITIALIZE, "X-API-Key", key, "Origin", "http://localhost:4000").statusCode());
    }

    @Test
    void malformedMessagesGetJsonRpcErrorsNot500s() {
        String key = newUserKey(null);
        HttpResponse<String> notJson = post("/mcp", "{nope", "X-API-Key", key);
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("-32700"), notJson.body());
        HttpResponse<String> notRpc = post("/mcp", "{\"id\":1,\"method\":\"ping\"}", "X-API-Key", key);
        assertEquals(400, notRpc.statusCode());
        assertTrue(notRpc.body().contains("-32600"), notRpc.body());
        HttpResponse<String> unknown = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"nope/nope\"}",
                "X-API-Key", key);
        assertTrue(unknown.body().contains("-32601"), unknown.body());
        HttpResponse<String> unknownTool = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"rm_rf\"}}", "X-API-Key", key);
        assertTrue(unknownTool.body().contains("-32602") && unknownTool.body().contains("Unknown tool"),
                unknownTool.body());
    }

    @Test
    void restViewListsTheSameToolsAndCallsThem() {
        String key = newUserKey(null);
        HttpResponse<String> tools = send(HttpRequest.newBuilder(base().resolve("/api/v1/tools"))
                .header("X-API-Key", key).build());
        assertEquals(200, tools.statusCode());
        HttpResponse<String> overMcp = post("/mcp", LIST, "X-API-Key", key);
        assertEquals(overMcp.body().substring(overMcp.body().indexOf("\"tools\"")),
                tools.body().substring(tools.body().indexOf("\"tools\"")) .replaceAll("}$", "}}"));

        HttpResponse<String> created = post("/api/v1/tools/memory_create", "{\"title\":\"rest\",\"content\":\"view\"}",
                "X-API-Key", key);
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"isError\":false"), created.body());
        HttpResponse<String> invalid = post("/api/v1/tools/memory_create", "{\"title\":\"rest\"}", "X-API-Key", key);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("content is required"), invalid.body());
        HttpResponse<String> unknown = post("/api/v1/tools/rm_rf", "{}", "X-API-Key", key);
        assertEquals(404, unknown.statusCode());
        assertEquals(unknown.headers().firstValue("X-Request-ID").orElseThrow(), field(unknown.body(), "request_id"));
        assertEquals(401, post("/api/v1/tools/memory_create", "{}").statusCode());
    }

    @Test
    void theTokenHashIsNeverTheSession() {
        HttpResponse<String> initialized = post("/mcp", INITIALIZE, "X-API-Key", newUserKey(null));
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElse(null);
        assertNotNull(session);
        HttpResponse<String> withoutCredential = post("/mcp", LIST, "Mcp-Session-Id", session);
        assertEquals(401, withoutCredential.statusCode(), "a session id alone authenticates nothing");
        assertNull(withoutCredential.headers().firstValue("Mcp-Session-Id").orElse(null));
    }
}
