package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Official MCP tooling against the real jar: the conformance suite
 * ({@code @modelcontextprotocol/conformance}, every server scenario, conformance profile) and the
 * TypeScript SDK's WebSocket and Streamable HTTP clients (default profile). Node 22, the suite and
 * the SDK come from the npm registry into target/conformance; without npm the tests say so and
 * are skipped.
 */
class McpConformanceIT {

    private static final String SUITE = "@modelcontextprotocol/conformance@0.1.16";
    private static final String SDK = "@modelcontextprotocol/sdk@1.32.2";
    private static final Path HOME = Path.of("target", "conformance");
    private static final Path NODE = HOME.resolve("node_modules/node/bin/node");
    /** The suite that knows revision 2026-07-28 (its own prefix: one node_modules holds one version of a package). */
    private static final String SUITE_2026 = "@modelcontextprotocol/conformance@0.2.0-alpha.12";
    private static final Path HOME_2026 = Path.of("target", "conformance-2026");

    @BeforeAll
    static void installNode() throws Exception {
        Path suite = HOME.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
        Path sdk = HOME.resolve("node_modules/@modelcontextprotocol/sdk/package.json");
        if (!Files.exists(suite) || !Files.exists(NODE) || !Files.exists(sdk)) {
            Files.createDirectories(HOME);
            int installed = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME.toString(),
                    "node@22", SUITE, SDK), HOME.resolve("npm.log"), 600);
            Assumptions.assumeTrue(installed == 0 && Files.exists(suite) && Files.exists(NODE) && Files.exists(sdk),
                    "skipped: could not install Node 22, " + SUITE + " and " + SDK + " from npm (see "
                            + HOME.resolve("npm.log") + ")");
        }
    }

    @Test
    void everyServerScenarioPasses() throws Exception {
        Path data = Files.createTempDirectory("onasis-conformance");
        try (RunningJar jar = RunningJar.withConformanceFixtures(Map.of(
                "ONASIS_DATABASE_URL", "jdbc:h2:file:" + data.resolve("onasis")), RunningJar.freePort())) {
            Path report = HOME.resolve("report.log");
            int exit = run(List.of(NODE.toString(),
                    HOME.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString(), "server",
                    "--url", "http://localhost:" + jar.port() + "/mcp", "--suite", "all",
                    "--expected-failures", "src/test/conformance/expected-failures.yml"), report, 600);
            String output = Files.readString(report);
            System.out.println(output.substring(Math.max(0, output.indexOf("=== SUMMARY ==="))));
            assertEquals(0, exit, "conformance failures; full report in " + report.toAbsolutePath());
        }
    }

    /**
     * The frozen requirement sets of both revisions the endpoint serves, per request, on one jar:
     * {@code --requirements 2025-11-25} and {@code --requirements 2026-07-28} (stateless requests,
     * server/discover, InputRequiredResult with requestState, subscriptions/listen, header and
     * _meta checks), each against a fresh jar, both with the same empty expected-failures list;
     * the suite itself leaves the tasks extension and pending scenarios unscored.
     */
    @Test
    void bothRevisionsMeetTheirRequirementSets() throws Exception {
        Path suite = HOME_2026.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
        Path node = HOME_2026.resolve("node_modules/node/bin/node");
        if (!Files.exists(suite) || !Files.exists(node)) {
            Files.createDirectories(HOME_2026);
            int installed = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME_2026.toString(),
                    "node@22", SUITE_2026), HOME_2026.resolve("npm.log"), 600);
            Assumptions.assumeTrue(installed == 0 && Files.exists(suite) && Files.exists(node),
                    "skipped: could not install Node 22 and " + SUITE_2026 + " from npm (see "
                            + HOME_2026.resolve("npm.log") + ")");
        }
        for (String revision : List.of("2025-11-25", "2026-07-28")) {
            Path data = Files.createTempDirectory("onasis-conformance-" + revision);
            try (RunningJar jar = RunningJar.withConformanceFixtures(Map.of(
                    "ONASIS_DATABASE_URL", "jdbc:h2:file:" + data.resolve("onasis")), RunningJar.freePort())) {
                Path report = HOME_2026.resolve("report-" + revision + ".log");
                int exit = run(List.of(node.toString(), suite.toString(), "server",
                        "--url", "http://localhost:" + jar.port() + "/mcp", "--requirements", revision,
                        "--expected-failures", "src/test/conformance/expected-failures.yml"), report, 600);
                String output = Files.readString(report);
                System.out.println(revision + ": " + output.substring(Math.max(0, output.indexOf("=== SUMMARY ==="))));
                assertEquals(0, exit, revision + " conformance failures; full report in " + report.toAbsolutePath());
                assertTrue(output.contains("Baseline check passed"), revision + ": " + output);
            }
        }
    }

    @Test
    void theTypeScriptSdkClientsSpeakToTheWebSocketAndStreamableHttpTransports() throws Exception {
        Path script = HOME.resolve("typescript-clients.mjs");
        Files.copy(Path.of("src/test/conformance/typescript-clients.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        Path data = Files.createTempDirectory("onasis-ts-clients");
        try (RunningJar jar = RunningJar.start(Map.of("ONASIS_DATABASE_URL", "jdbc:h2:file:" + data.resolve("onasis")),
                RunningJar.freePort())) {
            Path output = HOME.resolve("typescript-clients.log");
            int exit = run(List.of(NODE.toString(), script.toString(), "http://localhost:" + jar.port(),
                    jar.newApiKey()), output, 120);
            String seen = Files.readString(output);
            assertEquals(0, exit, seen);
            for (String transport : List.of("websocket", "http")) {
                String part = seen.substring(seen.indexOf("\"" + transport + "\""));
                assertTrue(part.contains("\"version\":\"onasis-gateway\"") && part.contains("\"memory_create\"")
                        && part.contains("\"readTitle\":\"from TypeScript\"") && part.contains("\"invalidIsError\":true")
                        && part.contains("\"resourceHasContent\":true"), transport + ": " + seen);
            }
        }
    }

    private static int run(List<String> command, Path output, long timeoutSeconds) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            return -1;
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
