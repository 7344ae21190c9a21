package com.lanonasis.gateway.adapters.http.shared;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The framing every server-sent event stream of the service shares (REST live events, the request
 * log tail, the MCP streams): an opening comment, so the response headers leave at once and not
 * with the first event, then a heartbeat comment every {@link #HEARTBEAT} while the stream is open,
 * so proxies and load balancers do not close an idle connection.
 */
public final class EventStreams {

    /** One interval for every stream. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final String OPENING = "connected";
    static final String BEAT = "heartbeat";

    private EventStreams() {
    }

    /** The opening comment, then {@code events} with heartbeats until it completes. */
    public static <T> Flux<Event<T>> framed(Flux<Event<T>> events, T empty) {
        return framed(events, empty, Flux.empty(), HEARTBEAT);
    }

    /**
     * {@link #framed(Flux, Object)}, with {@code alongside} (periodic checks that may end the stream)
     * running while the stream is open and cancelled with the heartbeat when it completes.
     */
    public static <T> Flux<Event<T>> framed(Flux<Event<T>> events, T empty, Flux<Event<T>> alongside) {
        return framed(events, empty, alongside, HEARTBEAT);
    }

    static <T> Flux<Event<T>> framed(Flux<Event<T>> events, T empty, Flux<Event<T>> alongside, Duration interval) {
        return Flux.concat(Flux.just(Event.of(empty).comment(OPENING)), events.publish(shared -> Flux.merge(shared,
                Flux.merge(Flux.interval(interval).map(tick -> Event.of(empty).comment(BEAT)), alongside)
                        .takeUntilOther(shared.ignoreElements().then(Mono.just(true))))));
    }

    /** A 200 {@code text/event-stream} answer that no cache or buffering proxy holds back. */
    public static <T> MutableHttpResponse<Flux<Event<T>>> response(Flux<Event<T>> framed) {
        return HttpResponse.ok(framed).contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    }
}
