package com.lanonasis.gateway.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.yaml.snakeyaml.Yaml;

/**
 * Headless Chromium (Debian's {@code chromium}) driven from Node scripts with playwright-core,
 * plus the MCP clients people use (the TypeScript SDK, mcp-remote) and the MCP conformance suite,
 * for the *IT tests. Node 22 and the pinned npm packages are installed into target/browser-node
 * on first use; the scripts of src/test/node are copied beside them so their imports resolve.
 * Without Chromium or npm the tests are skipped with the reason (CI installs both: .ci/run).
 */
public final class NodeBrowser {

    public static final List<String> PACKAGES = List.of("node@22", "playwright-core@1.65.1", "mcp-remote@0.15.1",
            "@modelcontextprotocol/sdk@1.32.2", "@modelcontextprotocol/conformance@0.2.0-alpha.12",
            // real MCP servers put behind the gateway as upstreams (issue 14)
            "@modelcontextprotocol/server-everything@2026.8.31",
            "@modelcontextprotocol/server-memory@2026.8.31",
            "@modelcontextprotocol/server-filesystem@2026.8.31",
            "@modelcontextprotocol/client@2.4.0");
    public static final Path HOME = Path.of("target", "browser-node");
    public static final Path SHOTS = Path.of("target", "browser-screenshots");
    public static final Path NODE = HOME.resolve("node_modules/node/bin/node");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeBrowser() {
    }

    /** Skips the calling test class unless Chromium, Node 22 and the packages are there. */
    public static void require() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no Chromium at " + CHROMIUM
                + " (apt-get install chromium; .ci/run does)");
        List<Path> installed = List.of(NODE, HOME.resolve("node_modules/playwright-core/package.json"),
                HOME.resolve("node_modules/mcp-remote/package.json"),
                HOME.resolve("node_modules/@modelcontextprotocol/sdk/package.json"),
                HOME.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js"),
                HOME.resolve("node_modules/@modelcontextprotocol/server-everything/package.json"),
                HOME.resolve("node_modules/@modelcontextprotocol/server-memory/package.json"),
                HOME.resolve("node_modules/@modelcontextprotocol/server-filesystem/package.json"),
                HOME.resolve("node_modules/@modelcontextprotocol/client/package.json"));
        if (!installed.stream().allMatch(Files::exists)) {
            Files.createDirectories(HOME);
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    HOME.toAbsolutePath().toString()));
            command.addAll(PACKAGES);
            int exit = run(command, Map.of(), HOME.resolve("npm.log"), 600);
            Assumptions.assumeTrue(exit == 0 && installed.stream().allMatch(Files::exists),
                    "skipped: could not install " + PACKAGES + " from npm (see " + HOME.resolve("npm.log") + ")");
        }
        try (Stream<Path> scripts = Files.list(Path.of("src/test/node"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, HOME.resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(SHOTS);
    }

    /** What a script printed and how it ended. */
    public record Run(int exit, String output) {

        /** One dynamic test per {@code {"step":…,"ok":…}} line the script printed. */
        public Stream<DynamicTest> steps(String prefix) {
            List<DynamicTest> tests = new ArrayList<>();
            boolean allOk = true;
            for (String line : output.split("\n")) {
                if (!line.startsWith("{\"step\"")) {
                    continue;
                }
                try {
                    JsonNode step = JSON.readTree(line);
                    String name = prefix + step.get("step").asText();
                    boolean ok = step.get("ok").asBoolean();
                    String error = step.has("error") ? step.get("error").asText() : "";
                    allOk &= ok;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        if (!ok) {
                            throw new AssertionError(name + ": " + error);
                        }
                    }));
                } catch (IOException e) {
                    throw new AssertionError("unreadable step line: " + line, e);
                }
            }
            if (tests.isEmpty() || exit != 0 && allOk) {
                tests.add(DynamicTest.dynamicTest(prefix + "the script ended cleanly", () -> {
                    throw new AssertionError("exit " + exit + ": " + output);
                }));
            }
            return tests.stream();
        }
    }

    /** Runs {@code node <script> <args…>} from target/browser-node with the output kept in a log. */
    public static Run node(String script, List<String> arguments, Map<String, String> environment, long timeoutSeconds)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(NODE.toAbsolutePath().toString(),
                HOME.resolve(script).toAbsolutePath().toString()));
        command.addAll(arguments);
        Path log = HOME.resolve(script.replace(".mjs", "") + "-" + System.nanoTime() + ".log");
        int exit = run(command, environment, log, timeoutSeconds);
        String output = Files.readString(log);
        System.out.println("--- " + script + " " + arguments + " (exit " + exit + ")\n" + output);
        return new Run(exit, output);
    }

    private static int run(List<String> command, Map<String, String> environment, Path output, long timeoutSeconds)
            throws Exception {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).directory(HOME.toFile().getAbsoluteFile());
            builder.environment().put("CHROMIUM", CHROMIUM.toString());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            Files.writeString(output, "could not start " + command + ": " + e);
            return -1;
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            Files.writeString(output, "\ntimed out after " + timeoutSeconds + " s", StandardOpenOption.APPEND);
            return -1;
        }
        return process.exitValue();
    }

    /** The jar of a browser run: this issuer, its own database, {@link #roomyLimits}. */
    public static Map<String, String> jarEnvironment(String issuer, Path data) throws IOException {
        return Map.of("ONASIS_ISSUER", issuer,
                "ONASIS_DATABASE_URL", "jdbc:h2:file:" + data.resolve("onasis"),
                "ONASIS_LOGIN_MAX_FAILURES", "3",
                "ONASIS_OAUTH_DEVICE_INTERVAL", "1s",
                "ONASIS_GUESSING_LIMIT", "200",
                "MICRONAUT_CONFIG_FILES", roomyLimits().toAbsolutePath().toString());
    }

    /**
     * The rate-limit rules of application.yml, in the same order (Micronaut merges lists element by
     * element across files), with twenty times the room: one address signs in, registers and asks
     * for tokens a whole run long. The authorization endpoint keeps 30 a minute, which the
     * rate-limit step reaches in a few page loads.
     */
    @SuppressWarnings("unchecked")
    private static Path roomyLimits() throws IOException {
        Map<String, Object> application;
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            application = new Yaml().load(in);
        }
        Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                application.get("onasis")).get("edge")).get("rate-limits");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) limits.get("rules")) {
            Map<String, Object> roomy = new LinkedHashMap<>(rule);
            // a limit may be a placeholder with its default: "${ONASIS_API_RATE_LIMIT:100}"
            int limit = Integer.parseInt(String.valueOf(rule.get("limit")).replaceAll("^\\$\\{[^:}]+:(\\d+)}$", "$1"));
            roomy.put("limit", "oauth_authorize".equals(rule.get("zone")) ? 30 : limit * 20);
            rules.add(roomy);
        }
        Path file = Path.of("target", "browser-limits.yml");
        Files.writeString(file, new Yaml().dump(Map.of("onasis", Map.of("edge", Map.of("rate-limits",
                Map.of("rules", rules))))));
        return file;
    }
}
