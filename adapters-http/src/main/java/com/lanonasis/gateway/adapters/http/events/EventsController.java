package com.lanonasis.gateway.adapters.http.events;

import com.lanonasis.gateway.adapters.http.shared.EventStreams;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.memory.port.in.WatchMemoriesUseCase;
import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * {@code GET /api/v1/events}: the caller's own memory events as Server-Sent Events
 * ({@code memory.created}, {@code memory.updated}, {@code memory.deleted}) with ids;
 * {@code Last-Event-ID} resumes after the given event; a comment every 15 s keeps idle
 * connections open through proxies. A client too slow to read 1 000 pending events is
 * disconnected and resumes with its last id. The credential is checked again every
 * {@code onasis.credentials.recheck-period}: once it is revoked or expired the stream sends a last
 * {@code closed} event ({@code {"reason":"credential revoked"}}) and ends.
 */
@Controller
final class EventsController {

    private static final int PENDING_LIMIT = 1000;

    private final WatchMemoriesUseCase watch;
    private final Callers callers;
    private final JsonMapper json;

    EventsController(WatchMemoriesUseCase watch, Callers callers, JsonMapper json) {
        this.watch = watch;
        this.callers = callers;
        this.json = json;
    }

    @Get(value = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Flux<Event<String>>> events(HttpRequest<?> request) {
        Principal caller = callers.require(request);
        String lastEventId = request.getHeaders().get("Last-Event-ID");
        Sinks.Many<Event<String>> sink = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(PENDING_LIMIT));
        WatchMemoriesUseCase.Watch watching = Rejections.valueOf(watch.watch(caller, lastEventId, event -> {
            Event<String> sse = toSse(event);
            synchronized (sink) { // events of one user may be published from several threads at once
                if (sink.tryEmitNext(sse) == Sinks.EmitResult.FAIL_OVERFLOW) {
                    sink.tryEmitError(new IllegalStateException("subscriber too slow; resume with Last-Event-ID"));
                }
            }
        }));
        Runnable credentialWatch = callers.watch(request, reason -> {
            synchronized (sink) {
                sink.tryEmitNext(Event.of("{\"reason\":\"" + reason + "\"}").name("closed"));
                sink.tryEmitComplete();
            }
        });
        Flux<Event<String>> events = sink.asFlux().doFinally(signal -> {
            watching.stop();
            credentialWatch.run();
        });
        return EventStreams.response(EventStreams.framed(events, ""));
    }

    private Event<String> toSse(MemoryEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.id());
        data.put("type", "memory." + event.kind().wireName());
        data.put("memory_id", event.memoryId().toString());
        data.put("title", event.title());
        data.put("at", event.at().toString());
        try {
            return Event.of(json.writeValueAsString(data)).id(event.id()).name("memory." + event.kind().wireName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
