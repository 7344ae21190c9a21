package com.lanonasis.gateway.adapters.http.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.sse.Event;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The error body always carries the request's id; SSE streams are framed one way. */
class ErrorBodyAndEventStreamsTest {

    @Test
    void theErrorBodyCarriesTheRequestsIdAlways() {
        HttpRequest<?> traced = HttpRequest.GET("/x").header(RequestIds.HEADER, "trace-12345678");
        HttpRequest<?> untraced = HttpRequest.GET("/x").header(RequestIds.HEADER, "bad id");

        ErrorBody kept = ErrorBody.of(traced, "not_found", "no such thing");
        ErrorBody assigned = ErrorBody.response(untraced, HttpStatus.FORBIDDEN, "forbidden", "no").body();

        assertEquals("trace-12345678", kept.requestId());
        assertEquals(RequestIds.of(untraced), assigned.requestId());
        assertEquals(36, assigned.requestId().length(), "a new UUID, not the malformed inbound id");
        assertNull(kept.details());
        assertThrows(NullPointerException.class, () -> new ErrorBody("e", "m", null, null));
    }

    @Test
    void aStreamOpensWithAConnectedCommentAndEndsWithItsEvents() {
        List<Event<String>> sent = EventStreams.framed(Flux.just(Event.of("a"), Event.of("b")), "")
                .collectList().block();

        assertEquals(3, sent.size(), "no heartbeat outlives the stream");
        assertEquals("connected", sent.get(0).getComment());
        assertEquals("a", sent.get(1).getData());
        assertEquals("b", sent.get(2).getData());
    }
}
