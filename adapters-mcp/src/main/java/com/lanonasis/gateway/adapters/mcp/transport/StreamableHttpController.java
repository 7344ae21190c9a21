package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.http.shared.EventStreams;
import com.lanonasis.gateway.adapters.mcp.protocol.InsufficientScope;
import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpCall;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import com.lanonasis.gateway.adapters.mcp.protocol.Outbound;
import com.lanonasis.gateway.adapters.mcp.protocol.ProtocolVersions;
import com.lanonasis.gateway.adapters.mcp.security.McpCallers;
import com.lanonasis.gateway.adapters.mcp.security.OriginGuard;
import com.lanonasis.gateway.adapters.mcp.server.McpServer;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import reactor.core.publisher.Flux;

/**
 * MCP Streamable HTTP at {@code /mcp}. A request is answered with one JSON body, or with an SSE
 * stream when the call may send progress, log lines or questions first; notifications and
 * responses get 202. Every request is authenticated; a session id only selects the session, and
 * only for the user and client that opened it.
 */
@Controller("/mcp")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StreamableHttpController {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final McpServer server;
    private final McpSessions sessions;
    private final SseStreams streams;
    private final McpCallers callers;
    private final OriginGuard guard;
    private final McpJson json;
    private final ExecutorService executor;
    private final SessionEvents events;

    StreamableHttpController(McpServer server, McpSessions sessions, SseStreams streams, McpCallers callers,
                             OriginGuard guard, McpJson json,
                             @Named(TaskExecutors.BLOCKING) ExecutorService executor, SessionEvents events) {
        this.server = server;
        this.sessions = sessions;
        this.streams = streams;
        this.callers = callers;
        this.guard = guard;
        this.json = json;
        this.executor = executor;
        this.events = events;
    }

    @Post(consumes = MediaType.ALL, produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    HttpResponse<?> post(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String refusal = guard.refusal(request);
        if (refusal != null) {
            return rpcError(HttpStatus.FORBIDDEN, null, JsonRpc.INVALID_REQUEST, "Forbidden: " + refusal);
        }
        Principal caller = callers.require(request);
        Object message;
        try {
            message = json.read(body == null ? new byte[0] : body);
        } catch (McpException e) {
            return rpcError(HttpStatus.BAD_REQUEST, null, e.code(), e.getMessage());
        }
        JsonRpc.Kind kind = JsonRpc.kindOf(message);
        if (kind == JsonRpc.Kind.INVALID) {
            return rpcError(HttpStatus.BAD_REQUEST, JsonRpc.idOf(message), JsonRpc.INVALID_REQUEST,
                    message instanceof List ? "Invalid Request: batches are not supported"
                            : "Invalid Request: not a JSON-RPC 2.0 request, notification or response");
        }
        HttpResponse<?> unsupported = unsupported(request, JsonRpc.idOf(message));
        if (unsupported != null) {
            return unsupported;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rpc = (Map<String, Object>) message;
        String version = request.getHeaders().get(VERSION_HEADER);
        if (ProtocolVersions.stateless(version) || ProtocolVersions.STATELESS.equals(StatelessRequests.metaVersion(rpc))) {
            return stateless(request, rpc, kind, caller, version);
        }
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        if ("initialize".equals(rpc.get("method")) && kind == JsonRpc.Kind.REQUEST) {
            return initialize(rpc, caller, sessionId);
        }
        McpSession session = null;
        if (sessionId != null) {
            session = sessions.find(sessionId, caller).orElse(null);
            if (session == null) {
                return rpcError(HttpStatus.NOT_FOUND, JsonRpc.idOf(rpc), JsonRpc.INVALID_REQUEST,
                        "Session not found: it ended, expired, or belongs to someone else; initialize again");
            }
        }
        switch (kind) {
            case NOTIFICATION -> {
                server.accept(rpc, new McpCall(caller, session, Outbound.NONE));
                return HttpResponse.accepted();
            }
            case RESPONSE -> {
                if (session != null) {
                    session.answer(rpc);
                }
                return HttpResponse.accepted();
            }
            default -> {
                return server.streams(rpc) ? stream(rpc, caller, session) : single(rpc, caller, session);
            }
        }
    }

    /**
     * A 2026-07-28 request: headers checked against the body, the version and client capabilities
     * read from its {@code _meta}, no session (an Mcp-Session-Id is ignored), any instance answers.
     */
    private HttpResponse<?> stateless(HttpRequest<?> request, Map<String, Object> rpc, JsonRpc.Kind kind,
                                      Principal caller, String version) {
        Object id = JsonRpc.idOf(rpc);
        switch (kind) {
            case NOTIFICATION -> {
                return HttpResponse.accepted();
            }
            case RESPONSE -> {
                return rpcError(HttpStatus.BAD_REQUEST, id, JsonRpc.INVALID_REQUEST,
                        "Invalid Request: protocol revision " + ProtocolVersions.STATELESS
                                + " has no client responses; answer input requests by repeating the request");
            }
            default -> { }
        }
        McpException refused = StatelessRequests.refusal(request.getHeaders()::get, version, rpc);
        if (refused != null) {
            return jsonReply(HttpStatus.BAD_REQUEST, JsonRpc.error(id, refused.code(), refused.getMessage(), refused.data()));
        }
        if ("subscriptions/listen".equals(rpc.get("method"))) {
            return subscribe(request, rpc, caller);
        }
        McpCall call = new McpCall(caller, null, Outbound.NONE, ProtocolVersions.STATELESS,
                StatelessRequests.clientCapabilities(rpc));
        if (server.streams(rpc)) {
            return stream(rpc, call);
        }
        Map<String, Object> reply = server.reply(rpc, call);
        Object code = reply.get("error") instanceof Map<?, ?> error ? error.get("code") : null;
        HttpStatus status = Integer.valueOf(JsonRpc.METHOD_NOT_FOUND).equals(code) ? HttpStatus.NOT_FOUND
                : Integer.valueOf(JsonRpc.MISSING_CLIENT_CAPABILITY).equals(code) ? HttpStatus.BAD_REQUEST
                : HttpStatus.OK;
        return jsonReply(status, reply);
    }

    /**
     * 2026-07-28 {@code subscriptions/listen}: an SSE stream that opens with
     * {@code notifications/subscriptions/acknowledged} (what the server agreed to send: resource
     * list changes and updates of the {@code memory://} URIs asked for; our tool and prompt lists
     * never change) and then carries the caller's memory changes from any instance, each tagged
     * with the listen request's id. It ends when the client goes or its credential is revoked.
     */
    private HttpResponse<?> subscribe(HttpRequest<?> request, Map<String, Object> rpc, Principal caller) {
        Object id = rpc.get("id");
        Object filter = rpc.get("params") instanceof Map<?, ?> params ? params.get("notifications") : null;
        if (!(filter instanceof Map<?, ?> requested)) {
            return jsonReply(HttpStatus.BAD_REQUEST, JsonRpc.error(id, JsonRpc.INVALID_PARAMS,
                    "Invalid params: params.notifications (the notifications to receive) is required"));
        }
        boolean listChanged = Boolean.TRUE.equals(requested.get("resourcesListChanged"));
        Set<String> uris = new LinkedHashSet<>();
        if (requested.get("resourceSubscriptions") instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(uris::add);
        }
        SseStream stream = streams.open(null, null);
        Optional<Runnable> following = listChanged || !uris.isEmpty()
                ? events.listen(caller, listChanged, Set.copyOf(uris), id, message -> stream.send(json.write(message)))
                : Optional.empty();
        Map<String, Object> honored = new LinkedHashMap<>();
        if (following.isPresent() && listChanged) {
            honored.put("resourcesListChanged", true);
        }
        if (following.isPresent() && !uris.isEmpty()) {
            honored.put("resourceSubscriptions", List.copyOf(uris));
        }
        Flux<Event<String>> connected = EventStreams.framed(stream.connect(0), "");
        stream.send(json.write(JsonRpc.notification("notifications/subscriptions/acknowledged", Map.of(
                "_meta", Map.of(ProtocolVersions.META_SUBSCRIPTION_ID, id), "notifications", honored))));
        Runnable stop = following.orElse(() -> { });
        return sse(watched(request, stream, connected).doFinally(signal -> stop.run()));
    }

    /** GET: the session's stream for server-initiated messages, or the resumption of a dropped stream. */
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    HttpResponse<?> listen(HttpRequest<?> request) {
        HttpResponse<?> refused = precheck(request);
        if (refused != null) {
            return refused;
        }
        if (ProtocolVersions.stateless(request.getHeaders().get(VERSION_HEADER))) {
            return notAllowed("GET");
        }
        Principal caller = callers.require(request);
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        if (sessionId == null) {
            return rpcError(HttpStatus.BAD_REQUEST, null, JsonRpc.INVALID_REQUEST,
                    "GET needs the " + SESSION_HEADER + " header of an initialized session");
        }
        McpSession session = sessions.find(sessionId, caller).orElse(null);
        if (session == null) {
            return rpcError(HttpStatus.NOT_FOUND, null, JsonRpc.INVALID_REQUEST, "Session not found");
        }
        String lastEventId = request.getHeaders().get("Last-Event-ID");
        if (lastEventId != null) {
            SseStream resumed = streams.ofEvent(session, lastEventId).orElse(null);
            if (resumed != null) {
                return sse(watched(request, resumed, resumed.connect(resumed.sequenceOf(lastEventId))));
            }
        }
        SseStream listening = streams.open(session, null);
        streams.listen(session, listening);
        events.follow(session, caller, message -> listening.send(json.write(message)));
        return sse(primed(listening, session,
                watched(request, listening, EventStreams.framed(listening.connect(0), ""))));
    }

    /** DELETE: the client ends its session. */
    @Delete
    HttpResponse<?> end(HttpRequest<?> request) {
        HttpResponse<?> refused = precheck(request);
        if (refused != null) {
            return refused;
        }
        if (ProtocolVersions.stateless(request.getHeaders().get(VERSION_HEADER))) {
            return notAllowed("DELETE");
        }
        Principal caller = callers.require(request);
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        if (sessionId == null) {
            return rpcError(HttpStatus.BAD_REQUEST, null, JsonRpc.INVALID_REQUEST, "DELETE needs " + SESSION_HEADER);
        }
        if (sessions.find(sessionId, caller).isEmpty()) {
            return rpcError(HttpStatus.NOT_FOUND, null, JsonRpc.INVALID_REQUEST, "Session not found");
        }
        sessions.end(sessionId);
        return HttpResponse.noContent();
    }

    private HttpResponse<?> initialize(Map<String, Object> rpc, Principal caller, String sessionId) {
        if (sessionId != null && sessions.find(sessionId, caller).isPresent()) {
            return rpcError(HttpStatus.BAD_REQUEST, rpc.get("id"), JsonRpc.INVALID_REQUEST,
                    "this session is already initialized; start a new one without " + SESSION_HEADER);
        }
        McpSession session = sessions.open(caller);
        Map<String, Object> reply = server.reply(rpc, new McpCall(caller, session, Outbound.NONE));
        if (reply.containsKey("error")) {
            sessions.end(session.id());
            return jsonReply(HttpStatus.OK, reply);
        }
        return jsonReply(HttpStatus.OK, reply).header(SESSION_HEADER, session.id());
    }

    private HttpResponse<?> single(Map<String, Object> rpc, Principal caller, McpSession session) {
        return jsonReply(HttpStatus.OK, server.reply(rpc, new McpCall(caller, session, Outbound.NONE)));
    }

    /** Runs the call on a worker and streams what it sends, then its reply; resumable within the session. */
    private HttpResponse<?> stream(Map<String, Object> rpc, Principal caller, McpSession session) {
        return stream(rpc, new McpCall(caller, session, Outbound.NONE));
    }

    private HttpResponse<?> stream(Map<String, Object> rpc, McpCall base) {
        McpSession session = base.session();
        SseStream stream = streams.open(session, null);
        Flux<Event<String>> events = stream.connect(0);
        executor.execute(() -> {
            Map<String, Object> reply;
            try {
                reply = server.reply(rpc, new McpCall(base.principal(), session, new Outbound() {
                    @Override
                    public void send(Map<String, Object> message) {
                        stream.send(json.write(message));
                    }

                    @Override
                    public void pause() {
                        if (session != null) {
                            stream.disconnect(RECONNECT_AFTER);
                        }
                    }
                }, base.revision(), base.clientCapabilities()));
            } catch (InsufficientScope e) {
                reply = JsonRpc.error(rpc.get("id"), e.code(), e.getMessage(), e.data());
            } catch (StoreUnavailable e) {
                reply = JsonRpc.error(rpc.get("id"), JsonRpc.INTERNAL_ERROR, "storage is unavailable; retry shortly");
            }
            stream.send(json.write(reply));
            stream.finish();
        });
        return sse(primed(stream, session, events));
    }

    /** A stream that ends, with a last comment saying why, once the request's credential is revoked or expires. */
    private Flux<Event<String>> watched(HttpRequest<?> request, SseStream stream, Flux<Event<String>> events) {
        Runnable credentialWatch = callers.watch(request, stream::end);
        return events.doFinally(signal -> credentialWatch.run());
    }

    /**
     * Starts a resumable stream with the event that tells a 2025-11-25 client which id to resume
     * from if the connection drops before anything else arrives (an id, a retry delay, empty
     * data). Older clients would read the empty data as a broken message, so they do not get it.
     */
    private static Flux<Event<String>> primed(SseStream stream, McpSession session, Flux<Event<String>> events) {
        if (session == null || session.protocolVersion().compareTo(ProtocolVersions.LATEST) < 0) {
            return events;
        }
        return Flux.concat(Flux.just(SseStream.empty(stream.id() + "_0", RECONNECT_AFTER)), events);
    }

    private HttpResponse<?> precheck(HttpRequest<?> request) {
        String refusal = guard.refusal(request);
        if (refusal != null) {
            return rpcError(HttpStatus.FORBIDDEN, null, JsonRpc.INVALID_REQUEST, "Forbidden: " + refusal);
        }
        return unsupported(request, null);
    }

    /** An MCP-Protocol-Version we do not speak: 400 with -32022 and the supported list (answering the request's id). */
    private HttpResponse<?> unsupported(HttpRequest<?> request, Object id) {
        String version = request.getHeaders().get(VERSION_HEADER);
        if (version != null && !ProtocolVersions.known(version)) {
            return jsonReply(HttpStatus.BAD_REQUEST, JsonRpc.error(id, JsonRpc.UNSUPPORTED_VERSION,
                    "Unsupported protocol version " + version + "; supported: " + ProtocolVersions.ALL,
                    Map.of("supported", ProtocolVersions.ALL, "requested", version)));
        }
        return null;
    }

    /** Revision 2026-07-28 has no GET stream and no session to delete (spec, "Backward Compatibility"). */
    private HttpResponse<?> notAllowed(String method) {
        return rpcError(HttpStatus.METHOD_NOT_ALLOWED, null, JsonRpc.INVALID_REQUEST, method + " /mcp is not part of "
                + "protocol revision " + ProtocolVersions.STATELESS + ": POST each request; change notifications "
                + "come on the stream of subscriptions/listen").header("Allow", "POST");
    }

    /** Replies may carry secrets (the key of api_key_create): no cache may keep them. */
    private MutableHttpResponse<String> jsonReply(HttpStatus status, Map<String, Object> reply) {
        return HttpResponse.<String>status(status).body(json.write(reply)).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store");
    }

    private MutableHttpResponse<String> rpcError(HttpStatus status, Object id, int code, String message) {
        return jsonReply(status, JsonRpc.error(id, code, message));
    }

    private static HttpResponse<?> sse(Flux<Event<String>> events) {
        return HttpResponse.ok(events).contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header("Cache-Control", "no-store").header("X-Accel-Buffering", "no");
    }
}
