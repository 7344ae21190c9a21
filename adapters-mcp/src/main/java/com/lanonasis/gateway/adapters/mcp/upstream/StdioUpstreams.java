package com.lanonasis.gateway.adapters.mcp.upstream;

import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The stdio bridge: one child process per MCP session of a stdio upstream, started by the
 * session's {@code initialize} and ended by DELETE, by {@code onasis.upstream.stdio.idle-timeout}
 * without requests, or when the gateway stops ({@link PreDestroy} and a JVM shutdown hook, so no
 * child outlives it). A child that dies fails its pending calls at once and ends its session; the
 * client's next {@code initialize} starts a fresh one. Limits: {@code max-processes} overall and
 * {@code max-per-user}. Requests without a session (stateless 2026-07-28 clients) are refused
 * with a precise error: a stdio server is stateful, and a process per request would lose it.
 */
@Singleton
final class StdioUpstreams {

    private static final Logger LOG = LoggerFactory.getLogger(StdioUpstreams.class);
    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final ProxySettings settings;
    private final UpstreamMetrics metrics;
    private final JsonMapper json;
    private final Map<String, StdioSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final Thread shutdownHook;

    StdioUpstreams(ProxySettings settings, UpstreamMetrics metrics, JsonMapper json) {
        this.settings = settings;
        this.metrics = metrics;
        this.json = json;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stdio-upstream-idle");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, Math.min(30, settings.stdio().idleTimeout().toSeconds() / 2));
        sweeper.scheduleAtFixedRate(this::endIdle, period, period, TimeUnit.SECONDS);
        this.shutdownHook = new Thread(this::endAll, "stdio-upstream-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    CompletableFuture<MutableHttpResponse<?>> post(Upstream upstream, UpstreamTarget.Stdio target,
                                                   HttpRequest<?> request, byte[] body, Object message,
                                                   Principal caller) {
        if (!(message instanceof Map<?, ?> rpc)) {
            return done(UpstreamErrors.rpcError(HttpStatus.BAD_REQUEST, null, -32600,
                    "send one JSON-RPC message per request to a stdio upstream (no batches)"));
        }
        Object id = rpc.get("id");
        Object method = rpc.get("method");
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        if (sessionId == null) {
            if ("initialize".equals(method)) {
                return initialize(upstream, target, rpc, caller);
            }
            return done(UpstreamErrors.rpcError(HttpStatus.BAD_REQUEST, id, -32600, "stdio upstream "
                    + upstream.name() + " needs an MCP session: send initialize first (protocol 2025-11-25 or"
                    + " earlier) and then Mcp-Session-Id; stateless (2026-07-28) requests are not supported for"
                    + " stdio upstreams"));
        }
        StdioSession session = owned(upstream, sessionId, caller);
        if (session == null) {
            return done(UpstreamErrors.rpcError(HttpStatus.NOT_FOUND, id, -32001,
                    "unknown or ended MCP session; send initialize to start a new one"));
        }
        String line = compact(rpc);
        if (id == null || method == null) {
            // a notification, or the client's answer to a request of the server: nothing comes back
            if (!session.send(line)) {
                return done(ended(session, id));
            }
            return done(HttpResponse.status(HttpStatus.ACCEPTED));
        }
        return call(session, id, line).thenApply(reply -> (MutableHttpResponse<?>) reply);
    }

    CompletableFuture<MutableHttpResponse<?>> listen(Upstream upstream, HttpRequest<?> request, Principal caller,
                                                     UnaryOperator<Flux<ReadBuffer>> whileValid) {
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        StdioSession session = sessionId == null ? null : owned(upstream, sessionId, caller);
        if (session == null) {
            return done(UpstreamErrors.rpcError(sessionId == null ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND,
                    null, -32600, "GET needs the Mcp-Session-Id of a live session"));
        }
        ByteBodyFactory bodies = ((ServerHttpRequest<?>) request).byteBodyFactory();
        Flux<ReadBuffer> events = whileValid.apply(session.serverMessages()
                .map(message -> bodies.readBufferFactory().copyOf("event: message\ndata: " + message + "\n\n",
                        StandardCharsets.UTF_8)));
        MutableHttpResponse<Object> response = HttpResponse.ok();
        response.contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
        response.header("Cache-Control", "no-store");
        response.body(bodies.adapt(events, java.util.OptionalLong.empty()));
        return done(response);
    }

    MutableHttpResponse<?> end(Upstream upstream, HttpRequest<?> request, Principal caller) {
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        StdioSession session = sessionId == null ? null : owned(upstream, sessionId, caller);
        if (session == null) {
            return UpstreamErrors.rpcError(sessionId == null ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND, null,
                    -32600, "DELETE needs the Mcp-Session-Id of a live session");
        }
        finish(session, "ended by the client");
        return HttpResponse.noContent();
    }

    private CompletableFuture<MutableHttpResponse<?>> initialize(Upstream upstream, UpstreamTarget.Stdio target,
                                                                 Map<?, ?> rpc, Principal caller) {
        Object id = rpc.get("id");
        StdioSession session;
        synchronized (sessions) {
            if (sessions.size() >= settings.stdio().maxProcesses()) {
                return done(UpstreamErrors.rpcError(HttpStatus.SERVICE_UNAVAILABLE, id, UpstreamErrors.UPSTREAM_FAILED,
                        "the gateway runs its limit of " + settings.stdio().maxProcesses() + " stdio upstream processes;"
                                + " try again later"));
            }
            long mine = sessions.values().stream().filter(s -> s.owner().equals(caller.userId().toString())).count();
            if (mine >= settings.stdio().maxPerUser()) {
                return done(UpstreamErrors.rpcError(HttpStatus.TOO_MANY_REQUESTS, id, UpstreamErrors.UPSTREAM_FAILED,
                        "you have " + mine + " stdio upstream sessions, the limit per user; end one (DELETE) first"));
            }
            String sessionId = UUID.randomUUID().toString();
            try {
                session = StdioSession.start(sessionId, upstream.name().value(), caller.userId().toString(), target, json,
                        ended -> forget(ended));
            } catch (IOException e) {
                LOG.warn("upstream {}: could not start {}: {}", upstream.name(), target.command(), e.getMessage());
                return done(UpstreamErrors.rpcError(HttpStatus.BAD_GATEWAY, id, UpstreamErrors.UPSTREAM_UNAVAILABLE,
                        "stdio upstream " + upstream.name() + " could not be started"));
            }
            sessions.put(sessionId, session);
            metrics.processes(upstream.name().value()).incrementAndGet();
        }
        LOG.info("upstream {} session {}: started pid {}", upstream.name(), session.id(), session.pid());
        return call(session, id, compact(rpc)).thenApply(reply -> {
            if (reply.getStatus().getCode() == 200) {
                reply.header(SESSION_HEADER, session.id());
            } else {
                finish(session, "initialize failed");
            }
            return reply;
        });
    }

    private CompletableFuture<MutableHttpResponse<?>> call(StdioSession session, Object id, String line) {
        long started = System.nanoTime();
        String key = compact(id);
        return session.call(key, line).orTimeout(settings.stdio().requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, failure) -> {
                    java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
                    if (failure == null) {
                        metrics.record(session.upstream(), true, took);
                        return (MutableHttpResponse<?>) HttpResponse.ok(reply).contentType(MediaType.APPLICATION_JSON_TYPE);
                    }
                    metrics.record(session.upstream(), false, took);
                    session.forget(key);
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause()
                            != null ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        return UpstreamErrors.rpcError(HttpStatus.GATEWAY_TIMEOUT, id, UpstreamErrors.UPSTREAM_UNAVAILABLE,
                                "stdio upstream " + session.upstream() + " did not answer in time");
                    }
                    return ended(session, id);
                });
    }

    private MutableHttpResponse<?> ended(StdioSession session, Object id) {
        return UpstreamErrors.rpcError(HttpStatus.BAD_GATEWAY, id, UpstreamErrors.UPSTREAM_FAILED,
                "the process of stdio upstream " + session.upstream() + " ended" + session.exitDescription()
                        + "; the session is over, send initialize to start a new one");
    }

    private StdioSession owned(Upstream upstream, String sessionId, Principal caller) {
        StdioSession session = sessions.get(sessionId);
        if (session == null || !session.upstream().equals(upstream.name().value())
                || !session.owner().equals(caller.userId().toString())) {
            return null; // another user's session is indistinguishable from none
        }
        session.touch();
        return session;
    }

    private void forget(StdioSession session) {
        if (sessions.remove(session.id(), session)) {
            metrics.processes(session.upstream()).decrementAndGet();
            LOG.info("upstream {} session {}: process ended{}", session.upstream(), session.id(),
                    session.exitDescription());
        }
    }

    private void finish(StdioSession session, String why) {
        LOG.info("upstream {} session {}: {}", session.upstream(), session.id(), why);
        session.stop();
        forget(session);
    }

    private void endIdle() {
        long now = System.nanoTime();
        for (StdioSession session : List.copyOf(sessions.values())) {
            if (now - session.lastUsed() > settings.stdio().idleTimeout().toNanos()) {
                finish(session, "idle for " + settings.stdio().idleTimeout());
            }
        }
    }

    /** Live sessions (tests, health). */
    Collection<StdioSession> live() {
        return List.copyOf(sessions.values());
    }

    private void endAll() {
        for (StdioSession session : List.copyOf(sessions.values())) {
            finish(session, "gateway stopping");
        }
    }

    @PreDestroy
    void close() {
        sweeper.shutdownNow();
        endAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: it ends the same children
        }
    }

    private String compact(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static CompletableFuture<MutableHttpResponse<?>> done(MutableHttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
