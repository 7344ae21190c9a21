package com.lanonasis.gateway.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.sse.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A resumable SSE stream: every event keeps an id, a reconnection gets what it missed. */
class SseStreamTest {

    @Test
    void aReconnectionResumesAfterTheLastEventItSaw() {
        SseStream stream = new SseStream("s1", "message");
        stream.send("a");
        stream.send("b");
        stream.send("c");
        stream.finish();

        List<Event<String>> missed = stream.connect(stream.sequenceOf("s1_1")).collectList().block();

        assertEquals(List.of("b", "c"), missed.stream().map(Event::getData).toList());
        assertEquals(List.of("s1_2", "s1_3"), missed.stream().map(Event::getId).toList());
        assertEquals("message", missed.get(0).getName());
    }

    @Test
    void anIdOfAnotherStreamIsNotOurs() {
        SseStream stream = new SseStream("s1", null);

        assertEquals(-1, stream.sequenceOf("s2_1"));
        assertEquals(-1, stream.sequenceOf("s1_x"));
        assertEquals(-1, stream.sequenceOf(null));
        assertEquals(7, stream.sequenceOf("s1_7"));
    }

    @Test
    void anEndedStreamTellsTheConnectionWhyInALastComment() {
        SseStream stream = new SseStream("s1", null);
        var connection = stream.connect(0);
        stream.send("a");
        stream.end("credential revoked");

        List<Event<String>> seen = connection.collectList().block();

        assertEquals("a", seen.get(0).getData());
        assertEquals("closed: credential revoked", seen.get(1).getComment());
    }
}
