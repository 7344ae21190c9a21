package com.lanonasis.gateway.application.memory;

import static com.lanonasis.gateway.application.fakes.Outcomes.done;
import static com.lanonasis.gateway.application.fakes.Outcomes.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.memory.port.in.WatchMemoriesUseCase;
import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.embedded.OnasisCore;
import com.lanonasis.gateway.application.fakes.TestPrincipals;
import com.lanonasis.gateway.application.memory.port.in.BulkDeletion;
import com.lanonasis.gateway.application.memory.port.in.ListRequest;
import com.lanonasis.gateway.application.memory.port.in.MemoryDraft;
import com.lanonasis.gateway.application.memory.port.in.MemoryEdit;
import com.lanonasis.gateway.application.memory.port.in.SearchRequest;
import com.lanonasis.gateway.application.memory.port.in.SearchResults;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The memory use cases, driven through {@link OnasisCore} over the in-memory adapters. */
class MemoryServiceTest {

    private final OnasisCore core = OnasisCore.inMemory().clock(new Fakes.ManualClock()).build();
    private final List<MemoryEvent> published = new ArrayList<>();
    private final Principal owner = TestPrincipals.userWith("memories:read memories:write memories:delete");

    @Test
    void everyOperationNeedsItsScope() {
        Principal none = TestPrincipals.userWith("profile");
        MemoryEntry entry = create("t", "c");
        String id = entry.id().toString();
        assertEquals(forbidden(Scope.MEMORIES_WRITE), rejected(core.createMemory().create(none, draft("t", "c"))));
        assertEquals(forbidden(Scope.MEMORIES_READ), rejected(core.getMemory().get(none, id)));
        assertEquals(forbidden(Scope.MEMORIES_WRITE), rejected(core.updateMemory().update(none, id, edit("x"))));
        assertEquals(forbidden(Scope.MEMORIES_DELETE), rejected(core.deleteMemory().delete(none, id)));
        assertEquals(forbidden(Scope.MEMORIES_READ), rejected(core.listMemories().list(none, list(null, null, null))));
        assertEquals(forbidden(Scope.MEMORIES_READ), rejected(core.searchMemories().search(none, search("t", null))));
        assertEquals(forbidden(Scope.MEMORIES_READ), rejected(core.memoryStats().stats(none)));
        assertEquals(forbidden(Scope.MEMORIES_DELETE), rejected(core.bulkDeleteMemories().deleteAll(none, List.of(id))));
    }

    @Test
    void createValidatesEveryFieldAndWritesNothingWhenInvalid() {
        Rejection invalid = rejected(core.createMemory().create(owner, new MemoryDraft("", "", "diary", List.of("x".repeat(51)),
                null)));

        assertEquals(List.of("title", "content", "type", "tags"),
                ((Rejection.Invalid) invalid).errors().stream().map(e -> e.field()).toList());
        assertTrue(core.stores().memories().all().isEmpty());
        assertEquals(MemoryType.CONTEXT, create("t", "c").type());
    }

    @Test
    void getCountsAccessAndOthersSeeNothing() {
        MemoryEntry entry = create("t", "c");

        assertEquals(1, done(core.getMemory().get(owner, entry.id().toString())).accessCount());
        assertEquals(2, done(core.getMemory().get(owner, entry.id().toString())).accessCount());
        Principal other = TestPrincipals.userWith("memories:read memories:write memories:delete");
        assertInstanceOf(Rejection.NotFound.class, rejected(core.getMemory().get(other, entry.id().toString())));
        assertInstanceOf(Rejection.NotFound.class, rejected(core.updateMemory().update(other, entry.id().toString(), edit("x"))));
        assertInstanceOf(Rejection.NotFound.class, rejected(core.deleteMemory().delete(other, entry.id().toString())));
        assertInstanceOf(Rejection.Invalid.class, rejected(core.getMemory().get(owner, "not-a-uuid")));
    }

    @Test
    void updateNeedsAFieldAndKeepsTheRest() {
        MemoryEntry entry = create("t", "c");

        assertInstanceOf(Rejection.Invalid.class, rejected(core.updateMemory().update(owner, entry.id().toString(),
                new MemoryEdit(null, null, null, null, null))));
        MemoryEntry updated = done(core.updateMemory().update(owner, entry.id().toString(), edit("new")));
        assertEquals("new", updated.title().value());
        assertEquals("c", updated.content().value());
    }

    @Test
    void listPagesByPageOrOffset() {
        for (int i = 0; i < 5; i++) {
            create("t" + i, "c");
        }
        MemoryPage byPage = done(core.listMemories().list(owner, list(2, null, 3)));
        assertEquals(4, byPage.offset());
        assertEquals(1, byPage.entries().size());
        assertEquals(3, byPage.pages());
        assertEquals(1, done(core.listMemories().list(owner, list(2, 1, 3))).offset(), "offset wins over page");
        assertInstanceOf(Rejection.Invalid.class, rejected(core.listMemories().list(owner, list(2, null, 0))));
        assertInstanceOf(Rejection.Invalid.class, rejected(core.listMemories().list(owner, list(101, null, null))));
    }

    @Test
    void searchRanksAndAppliesThresholdAndLimit() {
        create("Deploy guide", "how to deploy");
        create("Notes", "we deploy on fridays");
        create("Other", "nothing");

        SearchResults all = done(core.searchMemories().search(owner, search("deploy", null)));
        assertEquals(2, all.totalResults());
        assertEquals("Deploy guide", all.results().get(0).entry().title().value());
        assertTrue(all.results().get(0).relevance() > all.results().get(1).relevance());

        SearchResults strict = done(core.searchMemories().search(owner, new SearchRequest("deploy", null, null, 10, 0.6)));
        assertEquals(1, strict.totalResults());
        SearchResults limited = done(core.searchMemories().search(owner, new SearchRequest("deploy", null, null, 1, null)));
        assertEquals(1, limited.results().size());
        assertEquals(2, limited.totalResults());
    }

    @Test
    void bulkDeleteReportsWhatItCouldNotDeleteInOneTransaction() {
        MemoryEntry mine = create("t", "c");
        Principal other = TestPrincipals.userWith("memories:read memories:write memories:delete");
        MemoryEntry theirs = done(core.createMemory().create(other, draft("t", "c"))).entry();

        BulkDeletion deletion = done(core.bulkDeleteMemories().deleteAll(owner, List.of(mine.id().toString(), theirs.id().toString(),
                "junk")));

        assertEquals(1, deletion.deletedCount());
        assertEquals(List.of("junk", theirs.id().toString()), deletion.failedIds());
        assertTrue(core.stores().memories().find(other.userId(), theirs.id()).isPresent());
        assertInstanceOf(Rejection.Invalid.class, rejected(core.bulkDeleteMemories().deleteAll(owner, List.of())));
        assertInstanceOf(Rejection.Invalid.class, rejected(core.bulkDeleteMemories().deleteAll(owner,
                java.util.Collections.nCopies(101, mine.id().toString()))));
    }

    private MemoryEntry create(String title, String content) {
        return done(core.createMemory().create(owner, draft(title, content))).entry();
    }

    private static MemoryDraft draft(String title, String content) {
        return new MemoryDraft(title, content, null, List.of(), Map.of());
    }

    private static MemoryEdit edit(String title) {
        return new MemoryEdit(title, null, null, null, null);
    }

    private static ListRequest list(Integer limit, Integer offset, Integer page) {
        return new ListRequest(limit, offset, page, null, null, null, null);
    }

    private static SearchRequest search(String query, Double threshold) {
        return new SearchRequest(query, null, null, null, threshold);
    }

    private static Rejection forbidden(Scope scope) {
        return new Rejection.Forbidden(scope);
    }

    @Test
    void everyCommittedChangeIsAnnouncedToItsOwnerAndFailuresAreNot() throws Exception {
        AutoCloseable subscription = core.stores().events().subscribe(owner.userId(), null, published::add);
        MemoryEntry entry = create("first", "c");
        String id = entry.id().toString();
        core.updateMemory().update(owner, id, edit("renamed"));
        core.updateMemory().update(owner, "00000000-0000-0000-0000-000000000000", edit("nobody"));
        core.deleteMemory().delete(owner, id);
        core.deleteMemory().delete(owner, id);
        MemoryEntry second = create("second", "c");
        core.bulkDeleteMemories().deleteAll(owner, List.of(second.id().toString(), "not-a-uuid"));

        assertEquals(List.of(MemoryEvent.Kind.CREATED, MemoryEvent.Kind.UPDATED, MemoryEvent.Kind.DELETED,
                        MemoryEvent.Kind.CREATED, MemoryEvent.Kind.DELETED),
                published.stream().map(MemoryEvent::kind).toList());
        assertEquals("renamed", published.get(1).title());
        assertTrue(published.stream().allMatch(e -> e.owner().equals(owner.userId())));
        subscription.close();
    }

    @Test
    void watchingNeedsReadAndSeesOnlyTheCallersEvents() {
        assertEquals(forbidden(Scope.MEMORIES_READ), rejected(core.watchMemories().watch(TestPrincipals.userWith("profile"),
                null, e -> { })));
        List<MemoryEvent> seen = new ArrayList<>();
        WatchMemoriesUseCase.Watch watch = done(core.watchMemories().watch(owner, null, seen::add));
        create("mine", "c");
        core.createMemory().create(TestPrincipals.userWith("memories:write"), draft("theirs", "c"));
        watch.stop();
        create("after stop", "c");

        assertEquals(List.of("mine"), seen.stream().map(MemoryEvent::title).toList());
    }
}
