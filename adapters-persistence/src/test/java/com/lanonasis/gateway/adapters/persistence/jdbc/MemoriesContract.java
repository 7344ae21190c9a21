package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemorySort;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.SortOrder;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.memory.Title;
import com.lanonasis.gateway.domain.memory.MemoryChanges;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Memories} adapter must do; subclasses provide the store. */
abstract class MemoriesContract {

    Memories memories;
    UnitOfWork unitOfWork;
    final UserId owner = new UserId(UUID.randomUUID());
    final UserId other = new UserId(UUID.randomUUID());

    static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 4);
    static final EmbeddingModel OTHER_MODEL = new EmbeddingModel("other-model", 4);

    abstract Memories store();

    /** A vector store over the same database; {@code revalidateAfter} zero checks its cache before every search. */
    abstract MemoryVectors vectors(java.time.Duration revalidateAfter);

    abstract UnitOfWork unitOfWork();

    @BeforeEach
    void open() {
        memories = store();
        unitOfWork = unitOfWork();
    }

    /** Ends the pools this test opened on the embedded Postgres (nothing for the other backends). */
    @AfterEach
    void closeTestDatabases() {
        Postgres.closeOpened();
    }

    @Test
    void roundTripsEveryField() {
        MemoryEntry entry = TestEntries.entry(owner).title("T").content("héllo").type(MemoryType.WORKFLOW)
                .tags("Zeta", "alpha").metadata(Map.of("n", 1, "list", List.of(true, "x"), "nested",
                        Map.of("k", "v"))).build();
        add(entry);

        assertEquals(Optional.of(entry), memories.find(owner, entry.id()));
        assertEquals(Optional.empty(), memories.find(other, entry.id()), "another owner sees nothing");
    }

    @Test
    void tagsThatGrowWhenLowerCasedStillFit() {
        MemoryEntry entry = TestEntries.entry(owner).tags("\u0130".repeat(50)).build();
        add(entry);

        assertEquals(Optional.of(entry), memories.find(owner, entry.id()));
        assertEquals(1, page(Tags.of(List.of("\u0130".repeat(50))), MemorySort.CREATED_AT, SortOrder.DESC).total());
    }

    @Test
    void updateReplacesFieldsAndTags() {
        MemoryEntry entry = TestEntries.entry(owner).tags("old").build();
        add(entry);
        MemoryEntry changed = entry.apply(new MemoryChanges(Optional.of(new Title("new")), Optional.empty(),
                Optional.empty(), Optional.of(Tags.of(List.of("fresh"))), Optional.empty()),
                entry.createdAt().plusSeconds(60));

        assertTrue(memories.update(changed));
        assertEquals(Optional.of(changed), memories.find(owner, entry.id()));
        assertEquals(0, page(Tags.of(List.of("old")), MemorySort.CREATED_AT, SortOrder.DESC).total());
        assertEquals(1, page(Tags.of(List.of("FRESH")), MemorySort.CREATED_AT, SortOrder.DESC).total());
        assertTrue(!memories.update(TestEntries.entry(other).build()), "no such entry for that owner");
    }

    @Test
    void deletesOnlyTheOwnersEntries() {
        MemoryEntry mine = TestEntries.entry(owner).build();
        MemoryEntry theirs = TestEntries.entry(other).build();
        add(mine);
        add(theirs);

        assertTrue(!memories.delete(owner, theirs.id()));
        assertEquals(Set.of(mine.id()), unitOfWork.alwaysCommit(() ->
                memories.deleteAll(owner, List.of(mine.id(), theirs.id()))));
        assertTrue(memories.find(other, theirs.id()).isPresent());
    }

    @Test
    void pagesSortAndFilter() {
        add(TestEntries.entry(owner).title("b").type(MemoryType.PROJECT).tags("x").createdMinutesLater(1).build());
        add(TestEntries.entry(owner).title("A").tags("Y").createdMinutesLater(2).build());
        add(TestEntries.entry(owner).title("c").type(MemoryType.PROJECT).createdMinutesLater(3).build());
        add(TestEntries.entry(other).title("z").build());

        assertEquals(List.of("c", "A", "b"), titles(page(Tags.NONE, MemorySort.CREATED_AT, SortOrder.DESC)));
        assertEquals(List.of("A", "b", "c"), titles(page(Tags.NONE, MemorySort.TITLE, SortOrder.ASC)));
        assertEquals(List.of("b", "A"), titles(page(Tags.of(List.of("y", "X")), MemorySort.CREATED_AT,
                SortOrder.ASC)));
        assertEquals(List.of("b", "c"), titles(memories.page(owner, new MemoryQuery(Optional.of(MemoryType.PROJECT),
                Tags.NONE, MemorySort.TITLE, SortOrder.ASC, 10, 0))));
        var second = memories.page(owner, new MemoryQuery(Optional.empty(), Tags.NONE, MemorySort.TITLE,
                SortOrder.ASC, 2, 2));
        assertEquals(List.of("c"), titles(second));
        assertEquals(3, second.total());
    }

    @Test
    void lastAccessedSortsNeverReadEntriesLast() {
        MemoryEntry read = TestEntries.entry(owner).title("read").build();
        add(read);
        add(TestEntries.entry(owner).title("unread").build());
        memories.recordAccess(owner, read.id(), Instant.parse("2026-02-01T00:00:00Z"));

        for (SortOrder order : SortOrder.values()) {
            assertEquals(List.of("read", "unread"), titles(page(Tags.NONE, MemorySort.LAST_ACCESSED, order)), "" + order);
        }
        assertEquals(1, memories.find(owner, read.id()).orElseThrow().accessCount());
    }

    @Test
    void statsCountTypesBytesAndRecent() {
        add(TestEntries.entry(owner).content("héllo").type(MemoryType.PROJECT).createdMinutesLater(1).build());
        for (int i = 0; i < 5; i++) {
            add(TestEntries.entry(owner).title("r" + i).content("abc").createdMinutesLater(10 + i).build());
        }
        add(TestEntries.entry(other).build());

        MemoryStats stats = memories.stats(owner);

        assertEquals(6, stats.totalMemories());
        assertEquals(Map.of(MemoryType.PROJECT, 1L, MemoryType.CONTEXT, 5L), stats.byType());
        assertEquals(6 + 5 * 3, stats.totalSizeBytes());
        assertEquals(List.of("r4", "r3", "r2", "r1", "r0"), stats.recent().stream().map(e -> e.title().value()).toList());
    }

    @Test
    void textRanksTitleOverContentStemsAndKeepsToTheOwnerAndFilters() {
        MemoryEntry inTitle = TestEntries.entry(owner).title("Deploy notes").content("blue green").build();
        MemoryEntry inContent = TestEntries.entry(owner).title("Friday").content("we deployed it on friday")
                .type(MemoryType.PROJECT).build();
        MemoryEntry inTags = TestEntries.entry(owner).title("Release").tags("deployment").build();
        MemoryEntry unrelated = TestEntries.entry(owner).title("Lunch").content("soup and bread").build();
        add(inTitle);
        add(inContent);
        add(inTags);
        add(unrelated);
        add(TestEntries.entry(other).title("deploy").build());

        List<MemoryId> ranked = ids(memories.rankedByText(owner, search("deploying", Set.of()), 100));
        assertEquals(inTitle.id(), ranked.get(0), "a hit in the title first");
        assertEquals(Set.of(inTitle.id(), inTags.id(), inContent.id()), Set.copyOf(ranked),
                "stemmed, in title, tags or content; the other owner's and the unrelated never");
        assertEquals(3, ranked.size());
        assertEquals(List.of(inContent.id()), ids(memories.rankedByText(owner,
                search("deploy", Set.of(MemoryType.PROJECT)), 100)));
        assertEquals(List.of(inTags.id()), ids(memories.rankedByText(owner,
                new TextSearch("deploy", Set.of(), Tags.of(List.of("DEPLOYMENT")), 100, 0), 100)));
        assertEquals(2, memories.rankedByText(owner, search("deploy", Set.of()), 2).size());
        assertEquals(List.of(), memories.rankedByText(owner, search("%", Set.of()), 100), "no words, no matches");
        assertEquals(List.of(), memories.rankedByText(owner, search("the of and", Set.of()), 100),
                "stop words only, no matches");
        assertEquals(List.of(), memories.rankedByText(owner, search("' | & ! :*", Set.of()), 100),
                "query syntax is not syntax");
    }

    @Test
    void textBreaksTiesByTheMostRecentUpdate() {
        MemoryEntry older = TestEntries.entry(owner).title("same words").build();
        MemoryEntry newer = TestEntries.entry(owner).title("same words").createdMinutesLater(5).build();
        add(older);
        add(newer);

        assertEquals(List.of(newer.id(), older.id()), ids(memories.rankedByText(owner, search("words", Set.of()), 10)));
    }

    @Test
    void findAllReturnsOnlyTheOwnersEntries() {
        MemoryEntry mine = TestEntries.entry(owner).build();
        MemoryEntry theirs = TestEntries.entry(other).build();
        add(mine);
        add(theirs);

        assertEquals(List.of(mine), memories.findAll(owner, List.of(mine.id(), theirs.id(), mine.id())));
    }

    @Test
    void nearestRanksByCosineWithinOneOwnerAndOneModel() {
        MemoryVectors vectors = vectors(java.time.Duration.ZERO);
        MemoryEntry north = TestEntries.entry(owner).title("north").build();
        MemoryEntry east = TestEntries.entry(owner).title("east").type(MemoryType.PROJECT).tags("Compass").build();
        MemoryEntry northEast = TestEntries.entry(owner).title("north-east").build();
        MemoryEntry otherModel = TestEntries.entry(owner).title("other model").build();
        MemoryEntry theirs = TestEntries.entry(other).title("theirs").build();
        for (MemoryEntry entry : List.of(north, east, northEast, otherModel, theirs)) {
            add(entry);
        }
        vectors.put(owner, north.id(), MODEL, new float[] {1, 0, 0, 0});
        vectors.put(owner, east.id(), MODEL, new float[] {0, 1, 0, 0});
        vectors.put(owner, northEast.id(), MODEL, new float[] {1, 1, 0, 0});
        vectors.put(owner, otherModel.id(), OTHER_MODEL, new float[] {1, 0, 0, 0});
        vectors.put(other, theirs.id(), MODEL, new float[] {1, 0, 0, 0});

        List<Ranked> nearest = vectors.nearest(owner, MODEL, new float[] {2, 0.1f, 0, 0}, Set.of(), Tags.NONE, 10);
        assertEquals(List.of(north.id(), northEast.id(), east.id()), ids(nearest));
        assertEquals(1.0, nearest.get(0).score(), 0.01, "cosine, whatever the lengths");
        assertEquals(List.of(east.id()), ids(vectors.nearest(owner, MODEL, new float[] {1, 0, 0, 0},
                Set.of(MemoryType.PROJECT), Tags.NONE, 10)));
        assertEquals(List.of(east.id()), ids(vectors.nearest(owner, MODEL, new float[] {1, 0, 0, 0},
                Set.of(), Tags.of(List.of("compass")), 10)));
        assertEquals(List.of(north.id()), ids(vectors.nearest(owner, MODEL, new float[] {1, 0, 0, 0}, Set.of(),
                Tags.NONE, 1)));
        assertEquals(List.of(otherModel.id()), ids(vectors.nearest(owner, OTHER_MODEL, new float[] {1, 0, 0, 0},
                Set.of(), Tags.NONE, 10)), "never a vector of another model");
    }

    @Test
    void aVectorGoesWithItsEntryAndNeverOutlivesIt() {
        MemoryVectors vectors = vectors(java.time.Duration.ZERO);
        MemoryEntry kept = TestEntries.entry(owner).build();
        MemoryEntry deleted = TestEntries.entry(owner).build();
        add(kept);
        add(deleted);
        vectors.put(owner, kept.id(), MODEL, new float[] {1, 0, 0, 0});
        vectors.put(owner, deleted.id(), MODEL, new float[] {0, 1, 0, 0});
        assertEquals(new MemoryVectors.Coverage(2, 0), vectors.coverage(MODEL));

        memories.delete(owner, deleted.id());
        vectors.forget(owner, List.of(deleted.id()));
        vectors.put(owner, deleted.id(), MODEL, new float[] {0, 1, 0, 0});

        assertEquals(List.of(kept.id()), ids(vectors.nearest(owner, MODEL, new float[] {0, 1, 0, 0}, Set.of(),
                Tags.NONE, 10)), "deleted, and a late write does not bring it back");
        assertEquals(new MemoryVectors.Coverage(1, 0), vectors.coverage(MODEL));
        assertEquals(new MemoryVectors.Coverage(0, 1), vectors.coverage(OTHER_MODEL));
        assertEquals(List.of(kept.id()), vectors.unembedded(OTHER_MODEL, 10).stream()
                .map(MemoryVectors.Unembedded::id).toList());
        assertEquals(List.of(), vectors.unembedded(MODEL, 10));
    }

    @Test
    void aCacheSeesWhatAnotherInstanceWrote() {
        MemoryVectors here = vectors(java.time.Duration.ZERO);
        MemoryVectors there = vectors(java.time.Duration.ZERO);
        MemoryEntry first = TestEntries.entry(owner).build();
        MemoryEntry second = TestEntries.entry(owner).build();
        add(first);
        add(second);
        here.put(owner, first.id(), MODEL, new float[] {1, 0, 0, 0});
        assertEquals(List.of(first.id()), ids(here.nearest(owner, MODEL, new float[] {1, 0, 0, 0}, Set.of(),
                Tags.NONE, 10)));

        there.put(owner, second.id(), MODEL, new float[] {1, 0, 0, 0});
        there.put(owner, first.id(), MODEL, new float[] {0, 1, 0, 0});

        assertEquals(List.of(second.id(), first.id()), ids(here.nearest(owner, MODEL, new float[] {1, 0, 0, 0},
                Set.of(), Tags.NONE, 10)), "another instance's new and replaced vectors are seen");
        ((com.lanonasis.gateway.domain.memory.port.out.AccountMemories) memories).eraseAll(owner);
        assertEquals(List.of(), here.nearest(owner, MODEL, new float[] {1, 0, 0, 0}, Set.of(), Tags.NONE, 10));
    }

    @Test
    void aSearchServedFromTheCacheSeesAnotherInstancesWritesAfterABackgroundCheck() throws InterruptedException {
        MemoryVectors here = vectors(java.time.Duration.ofMillis(20));
        MemoryVectors there = vectors(java.time.Duration.ZERO);
        MemoryEntry first = TestEntries.entry(owner).build();
        MemoryEntry second = TestEntries.entry(owner).build();
        add(first);
        add(second);
        here.put(owner, first.id(), MODEL, new float[] {1, 0, 0, 0});
        assertEquals(List.of(first.id()), ids(here.nearest(owner, MODEL, new float[] {1, 0, 0, 0}, Set.of(),
                Tags.NONE, 10)), "its own write, at once");

        there.put(owner, second.id(), MODEL, new float[] {1, 0, 0, 0});
        there.put(owner, first.id(), MODEL, new float[] {0, 1, 0, 0});

        List<MemoryId> seen = List.of();
        for (int attempt = 0; attempt < 250 && !seen.equals(List.of(second.id(), first.id())); attempt++) {
            Thread.sleep(20);
            seen = ids(here.nearest(owner, MODEL, new float[] {1, 0, 0, 0}, Set.of(), Tags.NONE, 10));
        }
        assertEquals(List.of(second.id(), first.id()), seen,
                "another instance's new and replaced vectors, once the background check has reloaded them");
    }

    /**
     * The cache's check reads one version row that a trigger advances: deletes by another instance,
     * including those no vector code sees (an entry's deletion and an account's erasure cascade to the
     * vectors), must reach a cache that is already warm, through the background check.
     */
    @Test
    void aSearchServedFromTheCacheSeesAnotherInstancesDeletesCascadesIncluded() throws InterruptedException {
        MemoryVectors here = vectors(java.time.Duration.ofMillis(20));
        MemoryVectors there = vectors(java.time.Duration.ZERO);
        MemoryEntry first = TestEntries.entry(owner).build();
        MemoryEntry second = TestEntries.entry(owner).build();
        MemoryEntry third = TestEntries.entry(owner).build();
        MemoryEntry others = TestEntries.entry(other).build();
        add(first);
        add(second);
        add(third);
        add(others);
        there.put(owner, first.id(), MODEL, new float[] {1, 0, 0, 0});
        there.put(owner, second.id(), MODEL, new float[] {0.9f, 0.1f, 0, 0});
        there.put(owner, third.id(), MODEL, new float[] {0.8f, 0.2f, 0, 0});
        there.put(other, others.id(), MODEL, new float[] {1, 0, 0, 0});
        float[] query = {1, 0, 0, 0};
        assertEquals(List.of(first.id(), second.id(), third.id()),
                ids(here.nearest(owner, MODEL, query, Set.of(), Tags.NONE, 10)), "loaded on first search");

        there.forget(owner, List.of(first.id()));
        assertEquals(List.of(second.id(), third.id()), awaitSeen(here, owner, query,
                List.of(second.id(), third.id())), "another instance's forgotten vector");

        memories.delete(owner, second.id()); // the vector goes by the foreign key's cascade only
        assertEquals(List.of(third.id()), awaitSeen(here, owner, query, List.of(third.id())),
                "a vector deleted by its entry's cascade");

        ((com.lanonasis.gateway.domain.memory.port.out.AccountMemories) memories).eraseAll(owner);
        assertEquals(List.of(), awaitSeen(here, owner, query, List.of()), "an erased account's vectors");
        assertEquals(List.of(others.id()), ids(here.nearest(other, MODEL, query, Set.of(), Tags.NONE, 10)),
                "another owner's untouched");
    }

    /** A write that reached this instance's cache in a transaction that then rolled back is not kept. */
    @Test
    void aVectorOfARolledBackTransactionLeavesTheCacheAtTheNextCheck() {
        MemoryVectors here = vectors(java.time.Duration.ZERO);
        MemoryEntry kept = TestEntries.entry(owner).build();
        add(kept);
        here.put(owner, kept.id(), MODEL, new float[] {0, 1, 0, 0});
        assertEquals(List.of(kept.id()), ids(here.nearest(owner, MODEL, new float[] {1, 0, 0, 0}, Set.of(),
                Tags.NONE, 10)));

        unitOfWork.allOrNothing(() -> {
            here.put(owner, kept.id(), MODEL, new float[] {1, 0, 0, 0});
            return com.lanonasis.gateway.domain.shared.Outcome.<Void>notFound("memory");
        });

        assertEquals(0.0, here.nearest(owner, MODEL, new float[] {1, 0, 0, 0}, Set.of(), Tags.NONE, 10)
                .get(0).score(), 1e-6, "the table's vector, not the rolled-back one");
    }

    private static List<MemoryId> awaitSeen(MemoryVectors vectors, UserId owner, float[] query, List<MemoryId> expected)
            throws InterruptedException {
        List<MemoryId> seen = ids(vectors.nearest(owner, MODEL, query, Set.of(), Tags.NONE, 10));
        for (int attempt = 0; attempt < 250 && !seen.equals(expected); attempt++) {
            Thread.sleep(20);
            seen = ids(vectors.nearest(owner, MODEL, query, Set.of(), Tags.NONE, 10));
        }
        return seen;
    }

    @Test
    void theCachedScanGivesTheExactCosineOfA384DimensionVector() {
        MemoryVectors vectors = vectors(java.time.Duration.ZERO);
        java.util.Random random = new java.util.Random(3);
        float[] a = new float[384];
        float[] b = new float[384];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
            b[i] = a[i] + (float) random.nextGaussian();
        }
        MemoryEntry entry = TestEntries.entry(owner).build();
        add(entry);
        EmbeddingModel wide = new EmbeddingModel("wide-test-model", 384);
        vectors.put(owner, entry.id(), wide, a);

        double exact = Embeddings.cosine(Embeddings.normalized(a), Embeddings.normalized(b));
        assertEquals(exact, vectors.nearest(owner, wide, b, Set.of(), Tags.NONE, 1).get(0).score(), 1e-4);
    }

    private static List<MemoryId> ids(List<Ranked> ranked) {
        return ranked.stream().map(Ranked::id).toList();
    }

    private void add(MemoryEntry entry) {
        unitOfWork.alwaysCommit(() -> {
            memories.add(entry);
            return null;
        });
    }

    private com.lanonasis.gateway.domain.memory.MemoryPage page(Tags tags, MemorySort sort, SortOrder order) {
        return memories.page(owner, new MemoryQuery(Optional.empty(), tags, sort, order, 20, 0));
    }

    private static TextSearch search(String query, Set<MemoryType> types) {
        return new TextSearch(query, types, Tags.NONE, 100, 0);
    }

    private static List<String> titles(com.lanonasis.gateway.domain.memory.MemoryPage page) {
        return page.entries().stream().map(e -> e.title().value()).toList();
    }

    static List<String> words(String text) {
        return Arrays.asList(text.split(" "));
    }
}
