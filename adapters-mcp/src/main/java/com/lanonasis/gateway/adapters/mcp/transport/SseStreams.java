package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resumable streams of each session: found again by the event id a client sends back in
 * {@code Last-Event-ID}, forgotten with their session.
 */
@Singleton
final class SseStreams {

    private final Map<String, Map<String, SseStream>> bySession = new ConcurrentHashMap<>();
    private final Map<String, SseStream> listening = new ConcurrentHashMap<>();
    private final McpSessions sessions;

    SseStreams(McpSessions sessions) {
        this.sessions = sessions;
    }

    /** A new stream of this session (null session: a one-off stream nobody can resume). */
    SseStream open(McpSession session, String eventName) {
        SseStream stream = new SseStream(UUID.randomUUID().toString().replace("-", ""), eventName);
        if (session != null) {
            Map<String, SseStream> streams = bySession.computeIfAbsent(session.id(), id -> {
                sessions.whenEnded(session, ended -> forget(ended.id()));
                return new ConcurrentHashMap<>();
            });
            streams.put(stream.id(), stream);
        }
        return stream;
    }

    /** The stream an event id of this session belongs to. */
    Optional<SseStream> ofEvent(McpSession session, String eventId) {
        Map<String, SseStream> streams = bySession.getOrDefault(session.id(), Map.of());
        return streams.values().stream().filter(stream -> stream.sequenceOf(eventId) >= 0).findFirst();
    }

    /** The session's stream for messages outside any request (opened by GET), if one is open. */
    Optional<SseStream> listening(McpSession session) {
        return Optional.ofNullable(listening.get(session.id()));
    }

    void listen(McpSession session, SseStream stream) {
        SseStream previous = listening.put(session.id(), stream);
        if (previous != null && previous != stream) {
            previous.finish();
        }
    }

    /** Streams whose requests are answered are dropped once nobody can still be waiting on them. */
    void done(McpSession session, SseStream stream) {
        stream.finish();
    }

    Set<String> sessionIds() {
        return bySession.keySet();
    }

    private void forget(String sessionId) {
        Map<String, SseStream> streams = bySession.remove(sessionId);
        if (streams != null) {
            streams.values().forEach(SseStream::finish);
        }
        SseStream open = listening.remove(sessionId);
        if (open != null) {
            open.finish();
        }
    }
}
