package com.lanonasis.gateway.adapters.mcp.transport;

import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One SSE stream of a session: every event it sends is kept with an id
 * ({@code <stream id>_<sequence>}), so a client whose connection dropped reconnects with
 * {@code Last-Event-ID} and receives what it missed, then the rest live. At most one connection
 * reads a stream at a time; a newer one replaces the older.
 */
final class SseStream {

    private static final int MAX_HISTORY = 1000;

    private final String id;
    private final String eventName;
    private final List<Event<String>> history = new ArrayList<>();
    private long sequence;
    private long dropped;
    private Sinks.Many<Event<String>> live;
    private boolean finished;

    SseStream(String id, String eventName) {
        this.id = id;
        this.eventName = eventName;
    }

    String id() {
        return id;
    }

    /** Sends one message (or stores it for the next connection). */
    synchronized void send(String data) {
        Event<String> event = Event.of(data).id(id + "_" + (++sequence));
        if (eventName != null) {
            event = event.name(eventName);
        }
        keep(event);
        if (live != null) {
            live.tryEmitNext(event);
        }
    }

    /** The stream has nothing more to say: the current connection closes, later ones get only history. */
    synchronized void finish() {
        finished = true;
        if (live != null) {
            live.tryEmitComplete();
            live = null;
        }
    }

    /** Ends the stream for good, telling the current connection why in a last comment. */
    synchronized void end(String why) {
        finished = true;
        if (live != null) {
            live.tryEmitNext(Event.of("").comment("closed: " + why));
            live.tryEmitComplete();
            live = null;
        }
    }

    synchronized boolean finished() {
        return finished;
    }

    /** Closes the current connection without finishing the stream (the client is told to come back). */
    synchronized void disconnect(Duration retry) {
        if (live != null) {
            live.tryEmitNext(empty(id + "_" + sequence, retry));
            live.tryEmitComplete();
            live = null;
        }
    }

    /** A new connection: the events after {@code afterSequence}, then live ones until the stream finishes. */
    synchronized Flux<Event<String>> connect(long afterSequence) {
        List<Event<String>> missed = history.stream()
                .skip(Math.max(0, afterSequence - dropped))
                .toList();
        if (finished) {
            return Flux.fromIterable(missed);
        }
        if (live != null) {
            live.tryEmitComplete();
        }
        Sinks.Many<Event<String>> sink = Sinks.many().unicast().onBackpressureBuffer();
        live = sink;
        missed.forEach(sink::tryEmitNext);
        return sink.asFlux().doFinally(signal -> detach(sink));
    }

    /**
     * An event with an id, a reconnection delay and empty data: it tells a client where to resume
     * from. Micronaut writes one {@code data:} line per line of the data and none for empty data,
     * so the data is a single line break, which goes out as exactly {@code data: } (empty data).
     */
    static Event<String> empty(String eventId, Duration retry) {
        return Event.of("\n").id(eventId).retry(retry);
    }

    /** The sequence number in an event id of this stream, or -1 when the id is not one of ours. */
    long sequenceOf(String eventId) {
        if (eventId == null || !eventId.startsWith(id + "_")) {
            return -1;
        }
        try {
            return Long.parseLong(eventId.substring(id.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private synchronized void detach(Sinks.Many<Event<String>> sink) {
        if (live == sink) {
            live = null;
        }
    }

    private void keep(Event<String> event) {
        history.add(event);
        if (history.size() > MAX_HISTORY) {
            history.remove(0);
            dropped++;
        }
    }
}
