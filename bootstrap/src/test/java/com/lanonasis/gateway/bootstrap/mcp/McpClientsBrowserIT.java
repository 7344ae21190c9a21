package com.lanonasis.gateway.bootstrap.mcp;

import com.lanonasis.gateway.bootstrap.support.NodeBrowser;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * MCP clients no one here wrote, through the real jar on {@code localhost} (as the README runs it),
 * with a person signing in and allowing in headless Chromium (scripts in src/test/node):
 * <ul>
 *   <li>the official TypeScript SDK's client (1.32.2) with its OAuth machinery and an
 *       OAuthClientProvider that opens the authorization URL in Chromium (sdk-client.mjs);</li>
 *   <li>mcp-remote 0.15.1, the stdio bridge, whose "system browser" hands the URL to Chromium
 *       (mcp-remote.mjs), and the same with the device grant ({@code --device-code}): the person
 *       approves in Chromium while mcp-remote polls;</li>
 *   <li>the MCP conformance suite's {@code authorization} command (0.2.0-alpha.12):
 *       authorization-server-metadata-endpoint and authorization-code-grant, the browser step in
 *       Chromium (conformance-authorization.mjs).</li>
 * </ul>
 * Each client connects to /mcp, lists tools, calls memory_create and memory_search; memory_delete
 * then answers 403 insufficient_scope, the client re-authorizes for memories:delete in Chromium and
 * the delete happens.
 */
class McpClientsBrowserIT {

    private static RunningJar jar;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        NodeBrowser.require();
        int port = RunningJar.freePort();
        base = "http://localhost:" + port;
        jar = RunningJar.start(NodeBrowser.jarEnvironment(base, Files.createTempDirectory("onasis-mcp-clients")), port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> theTypeScriptSdkClientSignsInStepsUpAndDeletes() throws Exception {
        return NodeBrowser.node("sdk-client.mjs", List.of(base, shots()), Map.of(), 180).steps("");
    }

    @TestFactory
    Stream<DynamicTest> mcpRemoteSignsInStepsUpAndDeletes() throws Exception {
        return NodeBrowser.node("mcp-remote.mjs", List.of(base, shots()), Map.of(), 180).steps("");
    }

    /** mcp-remote --device-code: it polls while the person signs in and approves a few seconds later. */
    @TestFactory
    Stream<DynamicTest> mcpRemoteSignsInWithTheDeviceGrant() throws Exception {
        return NodeBrowser.node("mcp-remote.mjs", List.of(base, shots(), "device"), Map.of(), 180).steps("");
    }

    @TestFactory
    Stream<DynamicTest> theConformanceSuitesAuthorizationScenariosPass() throws Exception {
        Path results = Files.createTempDirectory("onasis-conformance-authorization");
        return NodeBrowser.node("conformance-authorization.mjs", List.of(base, shots(),
                String.valueOf(RunningJar.freePort()), results.toString()), Map.of(), 180).steps("");
    }

    private static String shots() {
        return NodeBrowser.SHOTS.toAbsolutePath().toString();
    }
}
