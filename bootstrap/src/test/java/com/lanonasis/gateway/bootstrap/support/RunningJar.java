package com.lanonasis.gateway.bootstrap.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar run as a real process, as an operator runs it; for the *IT tests. */
public final class RunningJar implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private RunningJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with these environment variables and waits until /health answers 200. */
    public static RunningJar start(Map<String, String> environment, int port) throws Exception {
        return launch(List.of("-jar", jar()), environment, port);
    }

    /** Starts the jar with these JVM options (e.g. the README's heap bound) before {@code -jar}. */
    public static RunningJar start(List<String> jvmOptions, Map<String, String> environment, int port) throws Exception {
        List<String> launch = new java.util.ArrayList<>(jvmOptions);
        launch.add("-jar");
        launch.add(jar());
        return launch(launch, environment, port);
    }

    /**
     * Starts the jar with the MCP conformance fixtures beside it (the test jar
     * {@code bootstrap-<version>-conformance.jar}, never part of the service's jar) and switched on
     * ({@code onasis.mcp.conformance.enabled}): fixture tools, resources and prompts, and requests without
     * credentials act as a throwaway user.
     */
    public static RunningJar withConformanceFixtures(Map<String, String> environment, int port) throws Exception {
        String fixtures = System.getProperty("onasis.conformance.jar");
        if (fixtures == null || !Files.exists(Path.of(fixtures))) {
            throw new AssertionError("no conformance fixtures jar at " + fixtures + "; run the ITs through Maven (verify)");
        }
        Map<String, String> enabled = new java.util.HashMap<>(environment);
        enabled.put("ONASIS_MCP_CONFORMANCE_ENABLED", "true");
        return launch(List.of("-cp", jar() + java.io.File.pathSeparator + fixtures,
                "com.lanonasis.gateway.bootstrap.Application"), enabled, port);
    }

    private static String jar() {
        return System.getProperty("onasis.jar", "target/onasis-gateway.jar");
    }

    private static RunningJar launch(List<String> launch, Map<String, String> environment, int port) throws Exception {
        Path log = Files.createTempFile("onasis-jar", ".log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("ONASIS_ARGON2_MEMORY_KIB", "1024");
        builder.environment().putAll(environment);
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return new RunningJar(process, log, port);
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited: " + Files.readString(log));
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the jar did not start: " + Files.readString(log));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Registers a new user on this jar and returns a full API key of theirs (default memory scopes). */
    public String newApiKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String credentials = "{\"email\":\"jar-" + System.nanoTime() + "@example.com\",\"password\":\"jar pass 12\"}";
        send(http, "/v1/auth/register", credentials, null);
        String token = field(send(http, "/v1/auth/login", credentials, null), "access_token");
        return field(send(http, "/api/v1/auth/api-keys", "{\"name\":\"k\"}", "Bearer " + token), "key");
    }

    private String send(HttpClient http, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The jar's process, e.g. to find the children it started. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM, as a service manager stops it: shutdown hooks run; waits up to 30 s for the exit. */
    public boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** kill -9: no shutdown hooks, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
