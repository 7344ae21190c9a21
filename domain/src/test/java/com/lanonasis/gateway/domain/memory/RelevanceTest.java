package com.lanonasis.gateway.domain.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RelevanceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void titleBeatsTagBeatsContentAndNoMatchIsZero() {
        TextSearch search = new TextSearch("deploy", Set.of(), Tags.NONE, 10, 0);
        double title = score(entry("How we deploy", "steps", List.of()), search);
        double tag = score(entry("Notes", "steps", List.of("deploy")), search);
        double content = score(entry("Notes", "then deploy it", List.of()), search);
        double none = score(entry("Notes", "nothing", List.of()), search);

        assertTrue(title > tag && tag > content && content > none, title + " " + tag + " " + content);
        assertEquals(0, none);
        assertTrue(title <= 1);
    }

    @Test
    void entryEditsKeepIdentityAndCountAccess() {
        MemoryEntry entry = entry("t", "c", List.of("a"));
        MemoryEntry changed = entry.apply(new MemoryChanges(Optional.of(new Title("t2")), Optional.empty(),
                Optional.empty(), Optional.of(Tags.of(List.of("b"))), Optional.empty()), NOW.plus(Duration.ofMinutes(1)));

        assertEquals(entry.id(), changed.id());
        assertEquals("t2", changed.title().value());
        assertEquals("c", changed.content().value());
        assertEquals(List.of("b"), changed.tags().values());
        assertEquals(entry.createdAt(), changed.createdAt());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), changed.updatedAt());
        MemoryEntry read = changed.accessedAt(NOW.plus(Duration.ofMinutes(2)));
        assertEquals(1, read.accessCount());
        assertEquals(NOW.plus(Duration.ofMinutes(2)), read.lastAccessed());
    }

    private static double score(MemoryEntry entry, TextSearch search) {
        return Relevance.score(entry, search.query(), search.terms());
    }

    private static MemoryEntry entry(String title, String content, List<String> tags) {
        return MemoryEntry.create(new MemoryId(UUID.randomUUID()), new UserId(UUID.randomUUID()), new Title(title),
                new Content(content), MemoryType.CONTEXT, Tags.of(tags), new Metadata(Map.of()), NOW);
    }
}
