package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, every server
 * scenario) against the real jar in its conformance profile. Node 22 and the suite come from the
 * npm registry into target/conformance; without npm the test says so and is skipped.
 */
class McpConformanceIT {

    private static final String SUITE = "@modelcontextprotocol/conformance@0.1.16";
    private static final Path HOME = Path.of("target", "conformance");

    @Test
    void everyServerScenarioPasses() throws Exception {
        Path suite = HOME.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
        Path node = HOME.resolve("node_modules/node/bin/node");
        if (!Files.exists(suite) || !Files.exists(node)) {
            Files.createDirectories(HOME);
            int installed = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME.toString(),
                    "node@22", SUITE), HOME.resolve("npm.log"), 600);
            Assumptions.assumeTrue(installed == 0 && Files.exists(suite) && Files.exists(node),
                    "skipped: could not install Node 22 and " + SUITE + " from npm (see " + HOME.resolve("npm.log")
                            + ")");
        }
        int port = RunningJar.freePort();
        Path data = Files.createTempDirectory("onasis-conformance");
        try (RunningJar jar = RunningJar.start(Map.of("ONASIS_MCP_CONFORMANCE", "true",
                "ONASIS_DATABASE_URL", "jdbc:h2:file:" + data.resolve("onasis")), port)) {
            Path report = HOME.resolve("report.log");
            int exit = run(List.of(node.toString(), suite.toString(), "server",
                    "--url", "http://localhost:" + port + "/mcp", "--suite", "all",
                    "--expected-failures", "src/test/conformance/expected-failures.yml"), report, 600);
            String output = Files.readString(report);
            System.out.println(output.substring(Math.max(0, output.indexOf("=== SUMMARY ==="))));
            assertEquals(0, exit, "conformance failures; full report in " + report.toAbsolutePath());
        }
    }

    private static int run(List<String> command, Path output, long timeoutSeconds) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (java.io.IOException e) {
            return -1;
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
