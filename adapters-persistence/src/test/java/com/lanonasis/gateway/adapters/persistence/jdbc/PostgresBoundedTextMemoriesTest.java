package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.memory.port.out.Memories;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Postgres full-text ranks every match for an owner with few entries and a bounded candidate set
 * above that: the memory contract with the bounded query forced, and proof that the two queries
 * rank alike while fewer than {@link JdbcMemories#RANKED_MATCHES} entries match.
 */
class PostgresBoundedTextMemoriesTest extends MemoriesContract {

    private final JdbcDatabase database = new JdbcDatabase(Postgres.fresh());

    @Override
    Memories store() {
        return new JdbcMemories(database, Tenancy.BY_QUERY, null, 0);
    }

    @Override
    JdbcMemoryVectors vectors(java.time.Duration revalidateAfter) {
        return new JdbcMemoryVectors(database, Tenancy.BY_QUERY, 1_000_000, revalidateAfter);
    }

    @Override
    UnitOfWork unitOfWork() {
        return database;
    }

    @Test
    void boundedCandidatesAndEveryMatchRankAlikeWhileFewMatch() {
        JdbcMemories store = new JdbcMemories(database, Tenancy.BY_QUERY, null, 50);
        Random random = new Random(3);
        List<String> vocabulary = List.of("deploy", "release", "rollback", "canary", "database", "index",
                "schema", "cache", "queue", "token", "session", "login", "search", "vector", "backup", "alert");
        for (int i = 0; i < 120; i++) {
            StringBuilder content = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                content.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
            }
            store.add(TestEntries.entry(owner).title(vocabulary.get(random.nextInt(vocabulary.size())))
                    .content(content.toString()).type(i % 3 == 0 ? MemoryType.PROJECT : MemoryType.CONTEXT)
                    .tags(vocabulary.get(i % vocabulary.size())).createdMinutesLater(i).build());
        }
        List<TextSearch> searches = List.of(
                new TextSearch("deploy canary", Set.of(), Tags.NONE, 100, 0),
                new TextSearch("rollback of the database schema", Set.of(), Tags.NONE, 100, 0),
                new TextSearch("search", Set.of(MemoryType.PROJECT), Tags.NONE, 100, 0),
                new TextSearch("token session login", Set.of(), Tags.of(List.of("cache", "queue")), 100, 0),
                new TextSearch("vector backup alert index", Set.of(), Tags.NONE, 100, 0));
        for (TextSearch search : searches) {
            List<String> every = alike(store.rankedByText(owner, search, 100, Integer.MAX_VALUE));
            assertTrue(!every.isEmpty(), search.query());
            assertEquals(every, alike(store.rankedByText(owner, search, 100, 0)), "bounded: " + search.query());
            assertEquals(every, alike(store.rankedByText(owner, search, 100)), "120 entries > 50: bounded, "
                    + search.query());
            assertEquals(every.subList(0, Math.min(7, every.size())), alike(store.rankedByText(owner, search, 7, 0)),
                    search.query());
        }
    }

    /** Ids and scores; a score is Postgres's float4 (read as text or binary, it differs beyond that). */
    private static List<String> alike(List<Ranked> ranked) {
        return ranked.stream().map(r -> r.id() + "=" + (float) r.score()).toList();
    }
}
