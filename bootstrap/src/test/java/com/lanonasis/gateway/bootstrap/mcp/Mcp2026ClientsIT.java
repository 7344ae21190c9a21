package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.support.NodeBrowser;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Both protocol revisions on one running jar, each spoken by the official TypeScript SDK of its
 * generation, with an API key (src/test/node/mcp-clients-2026.mjs):
 * <ul>
 *   <li>{@code @modelcontextprotocol/client} 2.4.0 pinned to 2026-07-28: server/discover and no
 *       session, tools/list, memory_create and memory_get, subscriptions/listen seeing the new
 *       memory, resources/list and resources/read, and memory_bulk_delete confirmed by its
 *       elicitation handler through an InputRequiredResult (the SDK's automatic MRTR rounds);</li>
 *   <li>{@code @modelcontextprotocol/sdk} 1.32.2 as a 2025-11-25 client (initialize,
 *       Mcp-Session-Id) reading what the 2026 client wrote;</li>
 *   <li>the official Java SDK ({@code io.modelcontextprotocol.sdk:mcp-core}) as a 2025-11-25 client
 *       over Streamable HTTP, on the same jar.</li>
 * </ul>
 */
class Mcp2026ClientsIT {

    private static RunningJar jar;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        NodeBrowser.require();
        int port = RunningJar.freePort();
        base = "http://localhost:" + port;
        jar = RunningJar.start(NodeBrowser.jarEnvironment(base, Files.createTempDirectory("onasis-mcp-2026")), port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> theV2SdkSpeaks20260728AndTheV1Sdk20251125OnTheSameJar() throws Exception {
        return NodeBrowser.node("mcp-clients-2026.mjs", List.of(base, jar.newApiKey()), Map.of(), 120).steps("");
    }

    @Test
    void theJavaSdkSpeaks20251125OnTheSameJar() throws Exception {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("X-API-Key", jar.newApiKey())).build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        try {
            assertEquals("2025-11-25", client.initialize().protocolVersion());
            assertTrue(client.listTools().tools().stream().anyMatch(tool -> tool.name().equals("memory_get")));
            McpSchema.CallToolResult created = client.callTool(new McpSchema.CallToolRequest("memory_create",
                    Map.of("title", "Java SDK", "content", "written by the Java SDK")));
            assertFalse(Boolean.TRUE.equals(created.isError()), created.toString());
            String id = (String) ((Map<?, ?>) created.structuredContent()).get("id");
            McpSchema.CallToolResult got = client.callTool(new McpSchema.CallToolRequest("memory_get",
                    Map.of("id", id)));
            assertEquals("written by the Java SDK", ((Map<?, ?>) got.structuredContent()).get("content"));
        } finally {
            client.closeGracefully();
        }
    }
}
