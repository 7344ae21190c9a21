package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official MCP Java SDK client against our Streamable HTTP and legacy SSE transports. */
@MicronautTest
class McpSdkClientTest extends McpTestSupport {

    private McpSyncClient client(McpClientTransport transport) {
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    }

    private McpClientTransport streamable(String apiKey) {
        return HttpClientStreamableHttpTransport.builder(base().toString()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("X-API-Key", apiKey)).build();
    }

    private McpClientTransport legacySse(String apiKey) {
        return HttpClientSseClientTransport.builder(base().toString()).sseEndpoint("/sse")
                .requestBuilder(HttpRequest.newBuilder().header("X-API-Key", apiKey)).build();
    }

    @Test
    void streamableHttpInitializesListsCallsReadsAndEnds() {
        String key = newUserKey(null);
        McpSyncClient client = client(streamable(key));

        McpSchema.InitializeResult initialized = client.initialize();
        assertEquals("2025-11-25", initialized.protocolVersion());
        assertEquals("onasis-gateway", initialized.serverInfo().name());

        List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        assertEquals(List.of("memory_create", "memory_get", "memory_update", "memory_delete", "memory_bulk_delete",
                "memory_list", "memory_search", "memory_stats", "api_key_list", "api_key_create", "api_key_revoke"), names);
        McpSchema.Tool get = client.listTools().tools().get(1);
        assertEquals(Boolean.TRUE, get.annotations().readOnlyHint());
        assertEquals(List.of("id"), get.inputSchema().get("required"));

        McpSchema.CallToolResult created = client.callTool(new McpSchema.CallToolRequest("memory_create",
                Map.of("title", "SDK note", "content", "remember the SDK", "tags", List.of("sdk"))));
        assertFalse(Boolean.TRUE.equals(created.isError()), created.toString());
        String id = (String) ((Map<?, ?>) created.structuredContent()).get("id");
        assertNotNull(id);

        McpSchema.CallToolResult viaOldName = client.callTool(new McpSchema.CallToolRequest("get_memory",
                Map.of("id", id)));
        assertEquals("remember the SDK", ((Map<?, ?>) viaOldName.structuredContent()).get("content"));

        McpSchema.CallToolResult found = client.callTool(new McpSchema.CallToolRequest("memory_search",
                Map.of("query", "SDK")));
        assertEquals(1, ((Map<?, ?>) found.structuredContent()).get("total_results"));

        assertTrue(client.listResources().resources().stream().anyMatch(r -> r.uri().equals("memory://" + id)));
        McpSchema.ReadResourceResult read = client.readResource(new McpSchema.ReadResourceRequest("memory://" + id));
        assertTrue(((McpSchema.TextResourceContents) read.contents().get(0)).text().contains("remember the SDK"));

        client.closeGracefully();
    }

    @Test
    void invalidArgumentsAndMissingEntriesAreToolErrorsNotProtocolErrors() {
        McpSyncClient client = client(streamable(newUserKey(null)));
        client.initialize();

        McpSchema.CallToolResult invalid = client.callTool(new McpSchema.CallToolRequest("memory_create",
                Map.of("title", "", "colour", "blue")));
        assertEquals(Boolean.TRUE, invalid.isError());
        String message = ((McpSchema.TextContent) invalid.content().get(0)).text();
        assertTrue(message.contains("content is required") && message.contains("unknown argument colour")
                && message.contains("title must have at least 1 character"), message);

        McpSchema.CallToolResult missing = client.callTool(new McpSchema.CallToolRequest("memory_get",
                Map.of("id", "00000000-0000-0000-0000-000000000000")));
        assertEquals(Boolean.TRUE, missing.isError());
        client.closeGracefully();
    }

    @Test
    void tenantsCannotSeeEachOthersMemoriesThroughMcp() {
        McpSyncClient alice = client(streamable(newUserKey(null)));
        McpSyncClient bob = client(streamable(newUserKey(null)));
        alice.initialize();
        bob.initialize();
        String id = (String) ((Map<?, ?>) alice.callTool(new McpSchema.CallToolRequest("memory_create",
                Map.of("title", "alice's secret", "content", "only alice"))).structuredContent()).get("id");

        McpSchema.CallToolResult stolen = bob.callTool(new McpSchema.CallToolRequest("memory_get", Map.of("id", id)));
        assertEquals(Boolean.TRUE, stolen.isError());
        assertTrue(((McpSchema.TextContent) stolen.content().get(0)).text().contains("not found"));
        assertTrue(bob.listResources().resources().isEmpty());
        assertEquals(0, ((Map<?, ?>) bob.callTool(new McpSchema.CallToolRequest("memory_search",
                Map.of("query", "secret"))).structuredContent()).get("total_results"));
        alice.closeGracefully();
        bob.closeGracefully();
    }

    @Test
    void legacySseTransportServesTheSameTools() {
        McpSyncClient client = client(legacySse(newUserKey(null)));

        client.initialize();
        assertEquals(11, client.listTools().tools().size());
        McpSchema.CallToolResult created = client.callTool(new McpSchema.CallToolRequest("memory_create",
                Map.of("title", "over SSE", "content", "legacy transport")));
        assertFalse(Boolean.TRUE.equals(created.isError()), created.toString());
        McpSchema.CallToolResult stats = client.callTool(new McpSchema.CallToolRequest("memory_stats", Map.of()));
        assertEquals(1, ((Map<?, ?>) stats.structuredContent()).get("total_memories"));
        client.closeGracefully();
    }
}
