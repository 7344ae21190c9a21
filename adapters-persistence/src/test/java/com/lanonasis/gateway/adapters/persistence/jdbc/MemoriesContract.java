package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.memory.Memories;
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
import com.lanonasis.gateway.domain.shared.UnitOfWork;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Memories} adapter must do; subclasses provide the store. */
abstract class MemoriesContract {

    Memories memories;
    UnitOfWork unitOfWork;
    final UserId owner = new UserId(UUID.randomUUID());
    final UserId other = new UserId(UUID.randomUUID());

    abstract Memories store();

    abstract UnitOfWork unitOfWork();

    @BeforeEach
    void open() {
        memories = store();
        unitOfWork = unitOfWork();
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
    void matchingFindsTermsAnywhereLiterallyAndOnlyForTheOwner() {
        add(TestEntries.entry(owner).title("Deploy").build());
        add(TestEntries.entry(owner).content("we DEPLOY").type(MemoryType.PROJECT).build());
        add(TestEntries.entry(owner).tags("deployment").build());
        add(TestEntries.entry(owner).content("100% sure_thing").build());
        add(TestEntries.entry(owner).content("100 percent surexthing").build());
        add(TestEntries.entry(other).title("deploy").build());

        assertEquals(3, memories.matching(owner, search("deploy", Set.of()), 100).size());
        assertEquals(1, memories.matching(owner, search("deploy", Set.of(MemoryType.PROJECT)), 100).size());
        assertEquals(2, memories.matching(owner, search("deploy", Set.of()), 2).size());
        List<MemoryEntry> underscore = memories.matching(owner, search("sure_thing", Set.of()), 100);
        assertEquals(List.of("100% sure_thing"), underscore.stream().map(e -> e.content().value()).toList(),
                "_ is literal, not a wildcard");
        assertEquals(List.of(), memories.matching(owner, search("%", Set.of()), 100), "no words, no matches");
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
