package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.Content;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Metadata;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.Title;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Memory entries for store tests, built by name. */
final class TestEntries {

    private final UserId owner;
    private String title = "title";
    private String content = "content";
    private MemoryType type = MemoryType.CONTEXT;
    private List<String> tags = List.of();
    private Map<String, Object> metadata = Map.of();
    private Instant at = Instant.parse("2026-01-01T00:00:00Z");

    private TestEntries(UserId owner) {
        this.owner = owner;
    }

    static TestEntries entry(UserId owner) {
        return new TestEntries(owner);
    }

    TestEntries title(String value) {
        title = value;
        return this;
    }

    TestEntries content(String value) {
        content = value;
        return this;
    }

    TestEntries type(MemoryType value) {
        type = value;
        return this;
    }

    TestEntries tags(String... values) {
        tags = List.of(values);
        return this;
    }

    TestEntries metadata(Map<String, Object> value) {
        metadata = value;
        return this;
    }

    TestEntries createdMinutesLater(int minutes) {
        at = at.plus(minutes, ChronoUnit.MINUTES);
        return this;
    }

    MemoryEntry build() {
        return MemoryEntry.create(new MemoryId(UUID.randomUUID()), owner, new Title(title), new Content(content), type,
                Tags.of(tags), new Metadata(metadata), at);
    }
}
