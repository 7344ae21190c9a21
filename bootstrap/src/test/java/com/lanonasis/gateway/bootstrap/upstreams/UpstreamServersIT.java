package com.lanonasis.gateway.bootstrap.upstreams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.support.CredentialShim;
import com.lanonasis.gateway.bootstrap.support.NodeBrowser;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 14 with real MCP servers no one here wrote, from npm, behind the real jar:
 * {@code @modelcontextprotocol/server-everything} in its Streamable HTTP mode as an HTTP upstream
 * (declared by environment variables) and over stdio, {@code server-memory} and
 * {@code server-filesystem} over stdio (declared in a configuration file). The conformance suite
 * gives the same results through {@code /servers/everything/mcp} as against the server directly;
 * the TypeScript SDK signs in through the upstream's 401; a stdio child killed mid-call gives an
 * error and the next session works; stopping the jar leaves no child behind.
 */
class UpstreamServersIT {

    private static final Path MODULES = NodeBrowser.HOME.resolve("node_modules/@modelcontextprotocol");
    private static final Pattern SUMMARY = Pattern.compile("^[✓✗] (\\S+): (\\d+) passed, (\\d+) failed$",
            Pattern.MULTILINE);

    private static Process everything;
    private static int everythingPort;
    private static RunningJar jar;
    private static String base;
    private static String apiKey;
    private static Path files;

    @BeforeAll
    static void start() throws Exception {
        NodeBrowser.require();
        String node = NodeBrowser.NODE.toAbsolutePath().toString();
        everythingPort = RunningJar.freePort();
        ProcessBuilder http = new ProcessBuilder(node,
                MODULES.resolve("server-everything/dist/index.js").toAbsolutePath().toString(), "streamableHttp")
                .redirectErrorStream(true).redirectOutput(NodeBrowser.HOME.resolve("everything-http.log").toFile());
        http.environment().put("PORT", String.valueOf(everythingPort));
        everything = http.start();
        awaitPort(everythingPort);

        Path data = Files.createTempDirectory("onasis-upstreams");
        files = Files.createDirectories(data.resolve("shared"));
        Files.writeString(files.resolve("hello.txt"), "hello from the filesystem server");
        Path config = data.resolve("upstreams.yml");
        Files.writeString(config, String.join("\n",
                "onasis:",
                "  upstream:",
                "    stdio:",
                "      max-per-user: 3",
                "  upstreams:",
                "    stdio-everything:",
                "      command: " + node,
                "      args: [" + MODULES.resolve("server-everything/dist/index.js").toAbsolutePath() + ", stdio]",
                "      api-keys: true",
                "    memory:",
                "      command: " + node,
                "      args: [" + MODULES.resolve("server-memory/dist/index.js").toAbsolutePath() + "]",
                "      env: [\"MEMORY_FILE_PATH=" + data.resolve("memory.jsonl").toAbsolutePath() + "\"]",
                "      api-keys: true",
                "    files:",
                "      command: " + node,
                "      args: [" + MODULES.resolve("server-filesystem/dist/index.js").toAbsolutePath() + ", "
                        + files.toAbsolutePath() + "]",
                "      api-keys: true",
                ""));
        int port = RunningJar.freePort();
        base = "http://localhost:" + port;
        Map<String, String> environment = new HashMap<>(NodeBrowser.jarEnvironment(base, data));
        environment.put("MICRONAUT_CONFIG_FILES", environment.get("MICRONAUT_CONFIG_FILES") + "," + config.toAbsolutePath());
        // the documented three lines, as environment variables
        environment.put("ONASIS_UPSTREAMS_EVERYTHING_URL", "http://127.0.0.1:" + everythingPort + "/mcp");
        environment.put("ONASIS_UPSTREAMS_EVERYTHING_API_KEYS", "true");
        environment.put("ONASIS_UPSTREAMS_EVERYTHING_REQUIRED_SCOPES", "memories:read");
        jar = RunningJar.start(environment, port);
        apiKey = jar.newApiKey();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jar != null) {
            jar.terminate();
        }
        if (everything != null) {
            everything.destroy();
        }
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("server-everything did not listen on " + port);
    }

    private static McpWire wire(String upstream) {
        return new McpWire(base + "/servers/" + upstream + "/mcp", Map.of("X-API-Key", apiKey));
    }

    @Test
    void theConformanceSuiteGivesTheSameResultsThroughTheGatewayAsDirectly() throws Exception {
        Map<String, String> direct = conformance("http://127.0.0.1:" + everythingPort + "/mcp", "direct");
        Map<String, String> proxied;
        try (CredentialShim shim = new CredentialShim(URI.create(base + "/servers/everything/mcp"),
                Map.of("X-API-Key", apiKey))) {
            proxied = conformance(shim.url(), "gateway");
        }
        assertTrue(direct.size() > 20, "scenarios run directly: " + direct);
        assertEquals(direct.keySet(), proxied.keySet());
        List<String> differences = new ArrayList<>();
        direct.forEach((scenario, result) -> {
            if (!result.equals(proxied.get(scenario))) {
                differences.add(scenario + ": direct " + result + ", through the gateway " + proxied.get(scenario));
            }
        });
        // the gateway checks Host and Origin (DNS rebinding) where server-everything does not: it may only do better
        differences.removeIf(line -> line.startsWith("dns-rebinding-protection:")
                && failed(proxied.get("dns-rebinding-protection")) <= failed(direct.get("dns-rebinding-protection")));
        assertEquals(List.of(), differences);
    }

    private static int failed(String result) {
        return Integer.parseInt(result.replaceAll(".*, (\\d+) failed", "$1"));
    }

    /** Scenario → "n passed, m failed" from the suite's summary. */
    private static Map<String, String> conformance(String url, String label) throws Exception {
        Path log = NodeBrowser.HOME.resolve("conformance-upstream-" + label + ".log");
        Process suite = new ProcessBuilder(NodeBrowser.NODE.toAbsolutePath().toString(),
                MODULES.resolve("conformance/dist/index.js").toAbsolutePath().toString(), "server", "--url", url)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(suite.waitFor(300, TimeUnit.SECONDS), "the suite did not finish");
        String output = Files.readString(log);
        System.out.println("--- conformance " + label + "\n" + output.substring(Math.max(0, output.indexOf("=== SUMMARY"))));
        Map<String, String> results = new LinkedHashMap<>();
        Matcher line = SUMMARY.matcher(output);
        while (line.find()) {
            results.put(line.group(1), line.group(2) + " passed, " + line.group(3) + " failed");
        }
        return results;
    }

    @TestFactory
    Stream<DynamicTest> theTypeScriptSdkSignsInThroughTheUpstreams401AndCallsItsTools() throws Exception {
        return NodeBrowser.node("upstream-sdk-client.mjs", List.of(base, NodeBrowser.SHOTS.toAbsolutePath().toString(),
                "everything"), Map.of(), 180).steps("");
    }

    @Test
    void stdioServersAnswerThroughTheGateway() throws Exception {
        McpWire everythingStdio = wire("stdio-everything");
        HttpResponse<String> initialized = everythingStdio.initialize();
        assertEquals(200, initialized.statusCode(), initialized.body());
        assertNotNull(everythingStdio.session());
        Map<?, ?> echoed = McpWire.response(everythingStdio.call("echo", Map.of("message", "over stdio")));
        assertTrue(echoed.toString().contains("over stdio"), echoed.toString());
        assertEquals(204, everythingStdio.delete().statusCode());
        assertEquals(404, everythingStdio.call("echo", Map.of("message", "again")).statusCode(), "session ended");

        McpWire memory = wire("memory");
        assertEquals(200, memory.initialize().statusCode());
        Map<?, ?> created = McpWire.response(memory.call("create_entities", Map.of("entities", List.of(Map.of(
                "name", "onasis", "entityType", "gateway", "observations", List.of("fronts upstream MCP servers"))))));
        assertFalse(created.containsKey("error"), created.toString());
        Map<?, ?> graph = McpWire.response(memory.call("read_graph", Map.of()));
        assertTrue(graph.toString().contains("fronts upstream MCP servers"), graph.toString());
        memory.delete();

        McpWire filesystem = wire("files");
        assertEquals(200, filesystem.initialize().statusCode());
        Map<?, ?> read = McpWire.response(filesystem.call("read_text_file",
                Map.of("path", files.resolve("hello.txt").toAbsolutePath().toString())));
        assertTrue(read.toString().contains("hello from the filesystem server"), read.toString());
        filesystem.delete();
    }

    @Test
    void statelessRequestsToAStdioUpstreamAreRefusedWithAPreciseError() throws Exception {
        HttpResponse<String> refused = wire("stdio-everything").post(Map.of("jsonrpc", "2.0", "id", 1,
                "method", "server/discover", "params", Map.of()));
        assertEquals(400, refused.statusCode(), refused.body());
        Map<?, ?> error = (Map<?, ?>) McpWire.response(refused).get("error");
        assertEquals(-32600, error.get("code"));
        assertTrue(((String) error.get("message")).contains("needs an MCP session"), error.toString());
    }

    @Test
    void aChildKilledMidCallGivesAnErrorAndTheNextSessionWorks() throws Exception {
        List<ProcessHandle> before = children();
        McpWire session = wire("stdio-everything");
        assertEquals(200, session.initialize().statusCode());
        List<ProcessHandle> mine = children().stream().filter(child -> !before.contains(child)).toList();
        assertEquals(1, mine.size(), "one child for the session: " + mine);
        CompletableFuture<HttpResponse<String>> call = session.callAsync("trigger-long-running-operation",
                Map.of("duration", 60, "steps", 2));
        Thread.sleep(500); // the call is on its way to the child; its answer would take a minute
        mine.get(0).destroyForcibly();
        HttpResponse<String> failed = call.get(30, TimeUnit.SECONDS);
        assertEquals(502, failed.statusCode(), failed.body());
        Map<?, ?> error = (Map<?, ?>) McpWire.response(failed).get("error");
        assertEquals(-32002, error.get("code"));
        assertTrue(((String) error.get("message")).contains("ended"), error.toString());
        assertEquals(404, session.call("echo", Map.of("message", "x")).statusCode(), "the session died with it");

        McpWire next = wire("stdio-everything");
        assertEquals(200, next.initialize().statusCode(), "a new session starts a new child");
        assertTrue(McpWire.response(next.call("echo", Map.of("message", "back"))).toString().contains("back"));
        next.delete();
    }

    @Test
    void theLimitPerUserIsAClearError() throws Exception {
        List<McpWire> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                McpWire session = wire("stdio-everything");
                assertEquals(200, session.initialize().statusCode());
                open.add(session);
            }
            HttpResponse<String> refused = wire("stdio-everything").initialize();
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("limit per user"), refused.body());
        } finally {
            for (McpWire session : open) {
                session.delete();
            }
        }
    }

    /** The stdio children the jar runs now (server processes it started for sessions). */
    private static List<ProcessHandle> children() {
        return jar.handle().children().filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void stoppingTheGatewayLeavesNoChildBehind() throws Exception {
        // last in the class by name would be fragile; this test starts its own jar
        Path data = Files.createTempDirectory("onasis-upstreams-stop");
        Path config = data.resolve("upstreams.yml");
        Files.writeString(config, String.join("\n", "onasis:", "  upstreams:", "    stdio-everything:",
                "      command: " + NodeBrowser.NODE.toAbsolutePath(),
                "      args: [" + MODULES.resolve("server-everything/dist/index.js").toAbsolutePath() + ", stdio]",
                "      api-keys: true", ""));
        int port = RunningJar.freePort();
        Map<String, String> environment = new HashMap<>(NodeBrowser.jarEnvironment("http://localhost:" + port, data));
        environment.put("MICRONAUT_CONFIG_FILES", environment.get("MICRONAUT_CONFIG_FILES") + "," + config.toAbsolutePath());
        RunningJar own = RunningJar.start(environment, port);
        List<ProcessHandle> started;
        try {
            String key = own.newApiKey();
            for (int i = 0; i < 2; i++) {
                assertEquals(200, new McpWire("http://localhost:" + port + "/servers/stdio-everything/mcp",
                        Map.of("X-API-Key", key)).initialize().statusCode());
            }
            started = own.handle().descendants().filter(ProcessHandle::isAlive).toList();
            assertTrue(started.size() >= 2, "two children: " + started);
        } finally {
            assertTrue(own.terminate(), "the jar stops on SIGTERM");
        }
        for (ProcessHandle child : started) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "orphaned child " + child.pid());
        }
        assertTrue(own.log().contains("gateway stopping"), "children ended by the gateway, not by chance");
    }
}
