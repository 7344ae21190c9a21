package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Postgres full-text ranks a bounded candidate set (the newest {@link JdbcMemories#RANKED_MATCHES} entries
 * holding all the words, and as many holding some): proof that it ranks exactly as ranking every match
 * would while fewer than that many entries match. (The memory contract runs on Postgres with the store's
 * own query in {@code PostgresMemoriesTest}.)
 */
class PostgresBoundedTextMemoriesTest {

    private final JdbcDatabase database = new JdbcDatabase(Postgres.fresh());
    private final UserId owner = new UserId(UUID.randomUUID());

    @AfterEach
    void closeTestDatabases() {
        Postgres.closeOpened();
    }

    @Test
    void boundedCandidatesAndEveryMatchRankAlikeWhileFewMatch() {
        JdbcMemories store = new JdbcMemories(database, Tenancy.BY_QUERY, null);
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
            List<String> every = alike(store.rankedByText(owner, search, 100, true));
            assertTrue(!every.isEmpty(), search.query());
            assertEquals(every, alike(store.rankedByText(owner, search, 100, false)), "bounded: " + search.query());
            assertEquals(every, alike(store.rankedByText(owner, search, 100)), "the store's own: "
                    + search.query());
            assertEquals(every.subList(0, Math.min(7, every.size())),
                    alike(store.rankedByText(owner, search, 7, false)), search.query());
        }
    }

    /** Ids and scores; a score is Postgres's float4 (read as text or binary, it differs beyond that). */
    private static List<String> alike(List<Ranked> ranked) {
        return ranked.stream().map(r -> r.id() + "=" + (float) r.score()).toList();
    }
}
