package com.lanonasis.gateway.bootstrap.mcp;

import com.lanonasis.gateway.bootstrap.support.NodeBrowser;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
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
 *       Mcp-Session-Id) reading what the 2026 client wrote.</li>
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
}
