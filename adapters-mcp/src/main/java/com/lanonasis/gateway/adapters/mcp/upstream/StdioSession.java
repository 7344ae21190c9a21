package com.lanonasis.gateway.adapters.mcp.upstream;

import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import io.micronaut.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One MCP session of a stdio upstream: its child process, newline-delimited JSON-RPC on
 * stdin/stdout (MCP stdio transport), the calls waiting for their responses, and the messages the
 * server sends on its own (notifications, requests) for the session's GET stream. The child's
 * stderr goes to the log line by line with the session id.
 */
final class StdioSession {

    private static final Logger LOG = LoggerFactory.getLogger(StdioSession.class);
    /** Variables a child gets from the gateway's own environment; the rest (database URLs, secrets) stays here. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR",
            "SYSTEMROOT", "USERPROFILE", "APPDATA");

    private final String id;
    private final String upstream;
    private final String owner;
    private final Process process;
    private final OutputStream stdin;
    private final JsonMapper json;
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final Sinks.Many<String> serverMessages = Sinks.many().multicast().directBestEffort();
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean stopping;

    private StdioSession(String id, String upstream, String owner, Process process, JsonMapper json) {
        this.id = id;
        this.upstream = upstream;
        this.owner = owner;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.json = json;
    }

    static StdioSession start(String id, String upstream, String owner, UpstreamTarget.Stdio target, JsonMapper json,
                              Consumer<StdioSession> onEnd) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(target.command());
        command.addAll(target.arguments());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        Map<String, String> own = Map.copyOf(environment);
        environment.clear();
        INHERITED.forEach(name -> {
            if (own.containsKey(name)) {
                environment.put(name, own.get(name));
            }
        });
        environment.putAll(target.environment());
        if (target.workingDirectory() != null) {
            builder.directory(Path.of(target.workingDirectory()).toFile());
        }
        StdioSession session = new StdioSession(id, upstream, owner, builder.start(), json);
        session.pump(onEnd);
        return session;
    }

    private void pump(Consumer<StdioSession> onEnd) {
        Thread stdout = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        received(line);
                    }
                }
            } catch (IOException e) {
                // the pipe closed with the process
            }
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            IOException gone = new IOException("process ended");
            pending.values().forEach(call -> call.completeExceptionally(gone));
            pending.clear();
            serverMessages.tryEmitComplete();
            onEnd.accept(this);
        }, "stdio-" + upstream + "-" + id.substring(0, 8));
        stdout.setDaemon(true);
        stdout.start();
        Thread stderr = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    LOG.info("upstream {} session {} stderr: {}", upstream, id, line);
                }
            } catch (IOException e) {
                // the pipe closed with the process
            }
        }, "stdio-" + upstream + "-" + id.substring(0, 8) + "-stderr");
        stderr.setDaemon(true);
        stderr.start();
    }

    private void received(String line) {
        Object message;
        try {
            message = json.readValue(line, Object.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("upstream {} session {}: not JSON on stdout, ignored ({} characters)", upstream, id, line.length());
            return;
        }
        if (message instanceof Map<?, ?> rpc && rpc.containsKey("id") && !rpc.containsKey("method")
                && (rpc.containsKey("result") || rpc.containsKey("error"))) {
            String key;
            try {
                key = json.writeValueAsString(rpc.get("id"));
            } catch (IOException e) {
                return;
            }
            CompletableFuture<String> call = pending.remove(key);
            if (call != null) {
                call.complete(line);
                return;
            }
        }
        serverMessages.tryEmitNext(line);
    }

    /** Sends a request and completes with the line of its response; fails when the process ends first. */
    CompletableFuture<String> call(String idKey, String line) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(idKey, reply);
        if (!send(line)) {
            pending.remove(idKey);
            reply.completeExceptionally(new IOException("process ended"));
        }
        return reply;
    }

    void forget(String idKey) {
        pending.remove(idKey);
    }

    /** Writes one message line; false when the process is gone. */
    boolean send(String line) {
        touch();
        synchronized (stdin) {
            try {
                stdin.write(line.getBytes(StandardCharsets.UTF_8));
                stdin.write('\n');
                stdin.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    Flux<String> serverMessages() {
        return serverMessages.asFlux();
    }

    /** Ends the child and any it started: politely, then by force after two seconds. */
    void stop() {
        stopping = true;
        List<ProcessHandle> children = process.descendants().toList();
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    String exitDescription() {
        if (process.isAlive()) {
            return "";
        }
        return stopping ? " (stopped by the gateway)" : " (exit " + process.exitValue() + ")";
    }

    void touch() {
        lastUsed = System.nanoTime();
    }

    long lastUsed() {
        return lastUsed;
    }

    String id() {
        return id;
    }

    String upstream() {
        return upstream;
    }

    String owner() {
        return owner;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }
}
