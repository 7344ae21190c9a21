package com.lanonasis.gateway.application.memory;

import com.lanonasis.gateway.application.memory.port.in.BulkDeleteMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.BulkDeletion;
import com.lanonasis.gateway.application.memory.port.in.CreateMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.CreatedMemory;
import com.lanonasis.gateway.application.memory.port.in.DeleteMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.GetMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.ListMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.ListRequest;
import com.lanonasis.gateway.application.memory.port.in.MemoryDraft;
import com.lanonasis.gateway.application.memory.port.in.MemoryEdit;
import com.lanonasis.gateway.application.memory.port.in.MemoryStatsUseCase;
import com.lanonasis.gateway.application.memory.port.in.SearchMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.SearchRequest;
import com.lanonasis.gateway.application.memory.port.in.SearchResults;
import com.lanonasis.gateway.application.memory.port.in.UpdateMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.WatchMemoriesUseCase;
import com.lanonasis.gateway.domain.memory.Content;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.domain.memory.MemoryChanges;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemorySort;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Metadata;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.ScoredMemory;
import com.lanonasis.gateway.domain.memory.SearchMode;
import com.lanonasis.gateway.domain.memory.SortOrder;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.memory.Title;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.PlainText;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.shared.Violations;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

public final class MemoryService implements CreateMemoryUseCase, GetMemoryUseCase, UpdateMemoryUseCase,
        DeleteMemoryUseCase, ListMemoriesUseCase, SearchMemoriesUseCase, MemoryStatsUseCase,
        BulkDeleteMemoriesUseCase, WatchMemoriesUseCase {

    /** How many entries each search leg contributes to the fusion. */
    public static final int SEARCH_CANDIDATES = 100;
    /** The k of reciprocal rank fusion: a hit at rank r scores 1 / (k + r) in each leg. */
    public static final int FUSION_K = 60;

    /**
     * Threads for the text leg of hybrid searches, at most one per core, daemon, kept 30 s when idle. When
     * all are busy the leg runs on the searching thread, before the semantic leg, as a search did before.
     */
    private static final Executor TEXT_LEGS = new ThreadPoolExecutor(0, Runtime.getRuntime().availableProcessors(),
            30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "search-text-leg");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private final Memories memories;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final MemoryEvents events;
    private final SemanticIndex semantic;

    /** Text-only search. */
    public MemoryService(Memories memories, UnitOfWork unitOfWork, IdGenerator ids, Clock clock, MemoryEvents events) {
        this(memories, unitOfWork, ids, clock, events, SemanticIndex.textOnly());
    }

    public MemoryService(Memories memories, UnitOfWork unitOfWork, IdGenerator ids, Clock clock, MemoryEvents events,
                         SemanticIndex semantic) {
        this.memories = memories;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.semantic = semantic;
    }

    @Override
    public Outcome<CreatedMemory> create(Principal caller, MemoryDraft draft) {
        if (!caller.allows(Scope.MEMORIES_WRITE)) {
            return Outcome.forbidden(Scope.MEMORIES_WRITE);
        }
        Violations violations = new Violations();
        Title title = violations.check(() -> new Title(PlainText.require("title", draft.title(), false)));
        Content content = violations.check(() -> new Content(PlainText.require("content", draft.content(), true)));
        MemoryType type = violations.check(() -> draft.type() == null ? MemoryType.DEFAULT
                : MemoryType.parse("type", draft.type()));
        Tags tags = violations.check(() -> Tags.of(plainTags(draft.tags())));
        Metadata metadata = violations.check(() -> Metadata.accepted(draft.metadata()));
        if (violations.any()) {
            return violations.rejection();
        }
        MemoryEntry entry = MemoryEntry.create(new MemoryId(ids.newId()), caller.userId(), title, content, type,
                tags, metadata, clock.instant());
        // embedded before the transaction (the model never holds a connection), stored in it: an
        // entry is findable by meaning as soon as it is committed
        Optional<float[]> vector = embed(title, content);
        Optional<Ranked> duplicate = vector.flatMap(v -> semantic.vectors().nearest(caller.userId(), semantic.model(), v,
                Set.of(), Tags.of(List.of()), 1).stream()
                .filter(nearest -> nearest.score() >= semantic.duplicateSimilarity()).findFirst());
        Outcome<CreatedMemory> created = unitOfWork.allOrNothing(() -> {
            memories.add(entry);
            vector.ifPresent(v -> semantic.vectors().put(entry.owner(), entry.id(), semantic.model(), v));
            return Outcome.done(new CreatedMemory(entry, duplicate));
        });
        announce(MemoryEvent.Kind.CREATED, entry.owner(), entry.id(), entry.title().value());
        return created;
    }

    /** The entry's vector, when search is semantic and the model answers now (else embedded later). */
    private Optional<float[]> embed(Title title, Content content) {
        return semantic.enabled() ? semantic.tryEmbed(Embeddings.textOf(title, content)) : Optional.empty();
    }

    @Override
    public Outcome<MemoryEntry> get(Principal caller, String id) {
        // no transaction: the read counters are advisory (the store may write them behind)
        return withId(caller, Scope.MEMORIES_READ, id, memoryId ->
                memories.find(caller.userId(), memoryId)
                        .map(entry -> {
                            Instant now = clock.instant();
                            memories.recordAccess(caller.userId(), memoryId, now);
                            return Outcome.<MemoryEntry>done(entry.accessedAt(now));
                        })
                        .orElseGet(() -> Outcome.notFound("memory")));
    }

    @Override
    public Outcome<MemoryEntry> update(Principal caller, String id, MemoryEdit edit) {
        if (!caller.allows(Scope.MEMORIES_WRITE)) {
            return Outcome.forbidden(Scope.MEMORIES_WRITE);
        }
        Violations violations = new Violations();
        MemoryId memoryId = violations.check(() -> MemoryId.parse("id", id));
        MemoryChanges changes = new MemoryChanges(
                present(violations, edit.title(), () -> new Title(PlainText.require("title", edit.title(), false))),
                present(violations, edit.content(), () -> new Content(PlainText.require("content", edit.content(), true))),
                present(violations, edit.type(), () -> MemoryType.parse("type", edit.type())),
                present(violations, edit.tags(), () -> Tags.of(plainTags(edit.tags()))),
                present(violations, edit.metadata(), () -> Metadata.accepted(edit.metadata())));
        if (!violations.any() && changes.isEmpty()) {
            violations.add("body", "name at least one of title, content, type, tags, metadata to change");
        }
        if (violations.any()) {
            return violations.rejection();
        }
        boolean meaningChanges = changes.title().isPresent() || changes.content().isPresent();
        Optional<MemoryEntry> before = meaningChanges && semantic.enabled()
                ? memories.find(caller.userId(), memoryId) : Optional.empty();
        Optional<float[]> vector = before.flatMap(entry -> {
            MemoryEntry changed = entry.apply(changes, entry.updatedAt());
            return embed(changed.title(), changed.content());
        });
        Outcome<MemoryEntry> updated = unitOfWork.allOrNothing(() -> memories.find(caller.userId(), memoryId)
                .map(entry -> {
                    MemoryEntry changed = entry.apply(changes, clock.instant());
                    memories.update(changed);
                    if (meaningChanges && semantic.enabled()) {
                        // re-embedded from the text as it was read before the transaction; when that
                        // text changed meanwhile (or the model failed), the stale vector is dropped and
                        // the background embedder makes a new one
                        boolean sameText = before.isPresent() && before.get().title().equals(entry.title())
                                && before.get().content().equals(entry.content());
                        if (sameText && vector.isPresent()) {
                            semantic.vectors().put(changed.owner(), changed.id(), semantic.model(), vector.get());
                        } else {
                            semantic.vectors().forget(changed.owner(), List.of(changed.id()));
                        }
                    }
                    return Outcome.<MemoryEntry>done(changed);
                })
                .orElseGet(() -> Outcome.notFound("memory")));
        if (updated instanceof Outcome.Done<MemoryEntry> done) {
            announce(MemoryEvent.Kind.UPDATED, caller.userId(), memoryId, done.value().title().value());
        }
        return updated;
    }

    @Override
    public Outcome<MemoryId> delete(Principal caller, String id) {
        return withId(caller, Scope.MEMORIES_DELETE, id, memoryId -> {
            if (!memories.delete(caller.userId(), memoryId)) {
                return Outcome.notFound("memory");
            }
            if (semantic.enabled()) {
                semantic.vectors().forget(caller.userId(), List.of(memoryId));
            }
            announce(MemoryEvent.Kind.DELETED, caller.userId(), memoryId, null);
            return Outcome.done(memoryId);
        });
    }

    @Override
    public Outcome<Watch> watch(Principal caller, String lastEventId, Consumer<MemoryEvent> listener) {
        if (!caller.allows(Scope.MEMORIES_READ)) {
            return Outcome.forbidden(Scope.MEMORIES_READ);
        }
        AutoCloseable subscription = events.subscribe(caller.userId(), lastEventId, listener);
        return Outcome.done(() -> {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop watching", e);
            }
        });
    }

    /** Tells live views after the change committed; a lost event never undoes a write. */
    private void announce(MemoryEvent.Kind kind, UserId owner, MemoryId memoryId,
                          String title) {
        Instant now = clock.instant();
        events.publish(new MemoryEvent(MemoryEvent.idFor(now, ids.newId().toString().substring(0, 8)), owner, kind, memoryId,
                title, now));
    }

    @Override
    public Outcome<MemoryPage> list(Principal caller, ListRequest request) {
        if (!caller.allows(Scope.MEMORIES_READ)) {
            return Outcome.forbidden(Scope.MEMORIES_READ);
        }
        Violations violations = new Violations();
        int limit = request.limit() == null ? MemoryQuery.DEFAULT_LIMIT : request.limit();
        if (request.page() != null && request.page() < 1) {
            violations.add("page", "page must be 1 or more");
        }
        int offset = request.offset() != null ? request.offset()
                : request.page() != null && request.page() >= 1 ? (int) Math.min(Integer.MAX_VALUE,
                (long) (request.page() - 1) * limit) : 0;
        Optional<MemoryType> type = Optional.ofNullable(
                violations.check(() -> request.type() == null ? null : MemoryType.parse("type", request.type())));
        Tags tags = violations.check(() -> Tags.of(request.tags()));
        MemorySort sort = violations.check(() -> request.sort() == null ? MemorySort.CREATED_AT
                : MemorySort.parse(request.sort()));
        SortOrder order = violations.check(() -> request.order() == null ? SortOrder.DESC
                : SortOrder.parse(request.order()));
        if (violations.any()) {
            return violations.rejection();
        }
        MemoryQuery query = violations.check(() -> new MemoryQuery(type, tags, sort, order, limit, offset));
        if (violations.any()) {
            return violations.rejection();
        }
        return Outcome.done(memories.page(caller.userId(), query));
    }

    @Override
    public Outcome<SearchResults> search(Principal caller, SearchRequest request) {
        if (!caller.allows(Scope.MEMORIES_READ)) {
            return Outcome.forbidden(Scope.MEMORIES_READ);
        }
        Violations violations = new Violations();
        List<MemoryType> types = new ArrayList<>();
        for (String type : request.types() == null ? List.<String>of() : request.types()) {
            MemoryType parsed = violations.check(() -> MemoryType.parse("types", type));
            if (parsed != null) {
                types.add(parsed);
            }
        }
        Tags tags = violations.check(() -> Tags.of(request.tags()));
        if (violations.any()) {
            return violations.rejection();
        }
        TextSearch search = violations.check(() -> new TextSearch(request.query(), Set.copyOf(types), tags,
                request.limit() == null ? MemoryQuery.DEFAULT_LIMIT : request.limit(),
                request.threshold() == null ? 0 : request.threshold()));
        if (violations.any()) {
            return violations.rejection();
        }
        SearchMode requested = violations.check(() -> request.mode() == null ? SearchMode.DEFAULT
                : SearchMode.parse("mode", request.mode()));
        if (violations.any()) {
            return violations.rejection();
        }
        SearchMode mode = semantic.enabled() ? requested : SearchMode.TEXT;
        UserId owner = caller.userId();
        // hybrid: the text leg (a database query, or Lucene on H2) runs beside the query's embedding and the
        // vector scan instead of before them, so a search takes about the longer leg, not the sum of both
        CompletableFuture<List<Ranked>> textLeg = mode == SearchMode.SEMANTIC
                ? CompletableFuture.completedFuture(List.of())
                : mode == SearchMode.HYBRID
                ? CompletableFuture.supplyAsync(() -> memories.rankedByText(owner, search, SEARCH_CANDIDATES), TEXT_LEGS)
                : CompletableFuture.completedFuture(memories.rankedByText(owner, search, SEARCH_CANDIDATES));
        List<Ranked> byMeaning = mode == SearchMode.TEXT ? List.of()
                : semantic.tryEmbed(search.query()).map(query -> semantic.vectors().nearest(owner, semantic.model(),
                        query, search.types(), search.anyOfTags(), SEARCH_CANDIDATES)).orElse(List.of());
        List<Ranked> byText = joined(textLeg);
        List<Ranked> ranked = switch (mode) {
            case TEXT -> relativeTo(byText);
            case SEMANTIC -> byMeaning.stream().map(hit -> new Ranked(hit.id(), Math.max(0, Math.min(1, hit.score()))))
                    .toList();
            case HYBRID -> fused(byText, byMeaning);
        };
        List<Ranked> passing = ranked.stream().filter(hit -> hit.score() > 0 && hit.score() >= search.threshold())
                .toList();
        List<Ranked> page = passing.stream().limit(search.limit()).toList();
        Map<MemoryId, MemoryEntry> entries = memories.findAll(owner, page.stream().map(Ranked::id).toList()).stream()
                .collect(Collectors.toMap(MemoryEntry::id, entry -> entry));
        List<ScoredMemory> results = page.stream().filter(hit -> entries.containsKey(hit.id()))
                .map(hit -> new ScoredMemory(entries.get(hit.id()), round(hit.score()))).toList();
        return Outcome.done(new SearchResults(results, passing.size(), mode));
    }

    /** The leg's answer, or what it threw (a store failure stays the same exception). */
    private static List<Ranked> joined(CompletableFuture<List<Ranked>> leg) {
        try {
            return leg.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Text scores as a share of the best one: the top text hit scores 1. */
    private static List<Ranked> relativeTo(List<Ranked> byText) {
        if (byText.isEmpty()) {
            return byText;
        }
        double best = byText.get(0).score();
        return byText.stream().map(hit -> new Ranked(hit.id(), best > 0 ? hit.score() / best : 1)).toList();
    }

    /**
     * Reciprocal rank fusion: each leg adds 1 / (k + rank); the sum is scaled so that an entry
     * first in both legs scores 1. Ties keep the text leg's order, then the semantic leg's.
     */
    static List<Ranked> fused(List<Ranked> byText, List<Ranked> byMeaning) {
        Map<MemoryId, Double> scores = new LinkedHashMap<>();
        for (List<Ranked> leg : List.of(byText, byMeaning)) {
            for (int rank = 0; rank < leg.size(); rank++) {
                scores.merge(leg.get(rank).id(), 1.0 / (FUSION_K + rank + 1), Double::sum);
            }
        }
        double best = 2.0 / (FUSION_K + 1);
        return scores.entrySet().stream()
                .sorted(Map.Entry.<MemoryId, Double>comparingByValue().reversed())
                .map(e -> new Ranked(e.getKey(), e.getValue() / best))
                .toList();
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    @Override
    public Outcome<MemoryStats> stats(Principal caller) {
        if (!caller.allows(Scope.MEMORIES_READ)) {
            return Outcome.forbidden(Scope.MEMORIES_READ);
        }
        return Outcome.done(memories.stats(caller.userId()));
    }

    @Override
    public Outcome<BulkDeletion> deleteAll(Principal caller, List<String> ids) {
        if (!caller.allows(Scope.MEMORIES_DELETE)) {
            return Outcome.forbidden(Scope.MEMORIES_DELETE);
        }
        Violations violations = new Violations();
        if (ids == null || ids.isEmpty()) {
            violations.add("memory_ids", "memory_ids must name at least one entry");
        } else if (ids.size() > MAX_IDS) {
            violations.add("memory_ids", "at most " + MAX_IDS + " ids per request");
        }
        if (violations.any()) {
            return violations.rejection();
        }
        Map<String, MemoryId> parsed = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (String id : ids) {
            try {
                parsed.put(id, MemoryId.parse("memory_ids", id));
            } catch (InvalidValue e) {
                failed.add(id);
            }
        }
        Set<MemoryId> deleted = parsed.isEmpty() ? Set.of()
                : unitOfWork.alwaysCommit(() -> memories.deleteAll(caller.userId(), Set.copyOf(parsed.values())));
        parsed.forEach((raw, id) -> {
            if (!deleted.contains(id)) {
                failed.add(raw);
            }
        });
        if (semantic.enabled() && !deleted.isEmpty()) {
            semantic.vectors().forget(caller.userId(), List.copyOf(deleted));
        }
        deleted.forEach(id -> announce(MemoryEvent.Kind.DELETED, caller.userId(), id, null));
        return Outcome.done(new BulkDeletion(deleted.size(), failed.stream().distinct().collect(Collectors.toList())));
    }

    private <T> Outcome<T> withId(Principal caller, Scope required, String id, Function<MemoryId, Outcome<T>> work) {
        if (!caller.allows(required)) {
            return Outcome.forbidden(required);
        }
        Violations violations = new Violations();
        MemoryId memoryId = violations.check(() -> MemoryId.parse("id", id));
        return violations.any() ? violations.rejection() : work.apply(memoryId);
    }

    private static <T> Optional<T> present(Violations violations, Object raw, Supplier<T> construction) {
        return raw == null ? Optional.empty() : Optional.ofNullable(violations.check(construction));
    }

    /** Tags as given, each checked to be plain text (input only: stored tags are read as they are). */
    private static java.util.List<String> plainTags(java.util.Collection<String> tags) {
        if (tags == null) {
            return null;
        }
        tags.forEach(tag -> PlainText.require("tags", tag, false));
        return new java.util.ArrayList<>(tags);
    }
}
