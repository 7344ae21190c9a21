package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Something that happened to a memory, as its owner's live views (SSE, MCP, WebSocket) see it.
 *
 * @param id    orders events: {@code <epoch millis, 13 digits>-<random>}, so ids compare as strings
 * @param title null for a deletion
 */
public record MemoryEvent(String id, UserId owner, Kind kind, MemoryId memoryId, String title, Instant at) {

    public enum Kind {
        CREATED, UPDATED, DELETED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MemoryEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(memoryId, "memoryId");
        Objects.requireNonNull(at, "at");
    }

    /** An event id for {@code at}: sortable by time, unique by its random part. */
    public static String idFor(Instant at, String random) {
        return String.format("%013d-%s", at.toEpochMilli(), random);
    }

    /** True when this event happened after the one with {@code eventId} (null: after nothing). */
    public boolean after(String eventId) {
        return eventId == null || id.compareTo(eventId) > 0;
    }
}
