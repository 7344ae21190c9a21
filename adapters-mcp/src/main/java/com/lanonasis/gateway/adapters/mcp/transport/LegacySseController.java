package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.http.shared.EventStreams;
import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import com.lanonasis.gateway.adapters.mcp.security.McpCallers;
import com.lanonasis.gateway.adapters.mcp.security.OriginGuard;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * The 2024-11-05 HTTP+SSE transport for clients that still use it: {@code GET /sse} opens the
 * stream and announces, in an {@code endpoint} event, where to POST messages; replies arrive on the
 * stream as {@code message} events. The session ends when the stream closes; the stream closes
 * (with a last comment saying why) once its credential is revoked or expires.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class LegacySseController {

    private final McpSessions sessions;
    private final SseStreams streams;
    private final Exchange exchange;
    private final McpCallers callers;
    private final OriginGuard guard;
    private final SessionEvents events;
    private final McpJson json;

    LegacySseController(McpSessions sessions, SseStreams streams, Exchange exchange, McpCallers callers,
                        OriginGuard guard, SessionEvents events, McpJson json) {
        this.sessions = sessions;
        this.streams = streams;
        this.exchange = exchange;
        this.callers = callers;
        this.guard = guard;
        this.events = events;
        this.json = json;
    }

    @Get(value = "/sse", produces = MediaType.TEXT_EVENT_STREAM)
    HttpResponse<?> open(HttpRequest<?> request) {
        String refusal = guard.refusal(request);
        if (refusal != null) {
            return ErrorBody.response(request, HttpStatus.FORBIDDEN, "forbidden", refusal);
        }
        Principal caller = callers.require(request);
        McpSession session = sessions.open(caller);
        SseStream stream = streams.open(session, "message");
        streams.listen(session, stream);
        events.follow(session, caller, message -> stream.send(json.write(message)));
        Runnable credentialWatch = callers.watch(request, stream::end);
        Event<String> endpoint = Event.of("/messages?sessionId=" + session.id()).name("endpoint");
        return HttpResponse.ok(Flux.concat(Flux.just(endpoint), EventStreams.framed(stream.connect(0), ""))
                        .doFinally(signal -> {
                            credentialWatch.run();
                            sessions.end(session.id());
                        }))
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header("Cache-Control", "no-store").header("X-Accel-Buffering", "no");
    }

    @Post(value = "/messages", consumes = MediaType.ALL)
    HttpResponse<?> message(HttpRequest<?> request, @Nullable @QueryValue String sessionId,
                            @Nullable @Body byte[] body) {
        String refusal = guard.refusal(request);
        if (refusal != null) {
            return ErrorBody.response(request, HttpStatus.FORBIDDEN, "forbidden", refusal);
        }
        Principal caller = callers.require(request);
        McpSession session = sessionId == null ? null : sessions.find(sessionId, caller).orElse(null);
        SseStream stream = session == null ? null : streams.listening(session).orElse(null);
        if (stream == null) {
            return ErrorBody.response(request, HttpStatus.NOT_FOUND, "session_not_found",
                    "no open /sse stream with this sessionId for this caller");
        }
        exchange.receive(body == null ? new byte[0] : body, caller, session, stream::send);
        return HttpResponse.accepted();
    }
}
