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
import java.util.Map;

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
        Path log = Files.createTempFile("onasis-jar", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("onasis.jar", "target/onasis-gateway.jar"))
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

    public String log() throws IOException {
        return Files.readString(log);
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
