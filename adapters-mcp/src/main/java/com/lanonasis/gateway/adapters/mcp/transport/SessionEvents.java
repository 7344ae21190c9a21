package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import com.lanonasis.gateway.adapters.mcp.protocol.Outbound;
import com.lanonasis.gateway.adapters.mcp.protocol.ProtocolVersions;
import com.lanonasis.gateway.application.memory.port.in.WatchMemoriesUseCase;
import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memory events as MCP notifications on a session's own stream (the GET stream, the legacy SSE
 * stream, the WebSocket): {@code notifications/resources/list_changed} when a memory appears or
 * goes, {@code notifications/resources/updated} for a subscribed {@code memory://} URI, and the
 * event itself as a {@code notifications/message} (logger {@code memory-events}, data
 * {@code memory.created memory://<id> "<title>" (event <event id>)}) when the session's log level
 * lets info through.
 */
@Singleton
final class SessionEvents {

    private final WatchMemoriesUseCase watch;
    private final McpSessions sessions;
    private final Map<String, WatchMemoriesUseCase.Watch> watching = new ConcurrentHashMap<>();

    SessionEvents(WatchMemoriesUseCase watch, McpSessions sessions) {
        this.watch = watch;
        this.sessions = sessions;
    }

    /** Sends the caller's memory events to {@code out} until the session ends; a no-op without memories:read. */
    void follow(McpSession session, Principal caller, Outbound out) {
        Outcome<WatchMemoriesUseCase.Watch> started = watch.watch(caller, null, event -> notify(session, out, event));
        if (started instanceof Outcome.Done<WatchMemoriesUseCase.Watch> done) {
            WatchMemoriesUseCase.Watch previous = watching.put(session.id(), done.value());
            if (previous != null) {
                previous.stop();
            } else {
                sessions.whenEnded(session, ended -> {
                    WatchMemoriesUseCase.Watch current = watching.remove(ended.id());
                    if (current != null) {
                        current.stop();
                    }
                });
            }
        }
    }

    /**
     * A 2026-07-28 {@code subscriptions/listen} stream: {@code notifications/resources/list_changed}
     * when asked for ({@code resourcesListChanged}), {@code notifications/resources/updated} for the
     * {@code resourceSubscriptions} URIs, each tagged with the subscription id (the id of the listen
     * request). Empty when the caller may not read memories (nothing to follow); else the way to stop.
     */
    Optional<Runnable> listen(Principal caller, boolean listChanged, Set<String> uris, Object subscriptionId,
                              Outbound out) {
        Map<String, Object> meta = Map.of(ProtocolVersions.META_SUBSCRIPTION_ID, subscriptionId);
        Outcome<WatchMemoriesUseCase.Watch> started = watch.watch(caller, null, event -> {
            String uri = "memory://" + event.memoryId();
            if (listChanged && event.kind() != MemoryEvent.Kind.UPDATED) {
                out.send(JsonRpc.notification("notifications/resources/list_changed", Map.of("_meta", meta)));
            }
            if (event.kind() != MemoryEvent.Kind.CREATED && uris.contains(uri)) {
                out.send(JsonRpc.notification("notifications/resources/updated", Map.of("uri", uri, "_meta", meta)));
            }
        });
        return started instanceof Outcome.Done<WatchMemoriesUseCase.Watch> done
                ? Optional.of(done.value()::stop) : Optional.empty();
    }

    private static void notify(McpSession session, Outbound out, MemoryEvent event) {
        String uri = "memory://" + event.memoryId();
        if (event.kind() != MemoryEvent.Kind.UPDATED) {
            out.send(JsonRpc.notification("notifications/resources/list_changed", null));
        }
        if (event.kind() != MemoryEvent.Kind.CREATED && session.subscriptions().contains(uri)) {
            out.send(JsonRpc.notification("notifications/resources/updated", Map.of("uri", uri)));
        }
        if (McpSession.LogLevel.INFO.compareTo(session.logLevel()) >= 0) {
            // data is a string: the spec allows any JSON, but the Java SDK's client reads only strings
            String data = "memory." + event.kind().wireName() + " " + uri
                    + (event.title() == null ? "" : " \"" + event.title() + "\"") + " (event " + event.id() + ")";
            out.send(JsonRpc.notification("notifications/message", Map.of("level", "info",
                    "logger", "memory-events", "data", data)));
        }
    }
}
