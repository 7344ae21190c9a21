package com.lanonasis.gateway.application.fakes;

import com.lanonasis.gateway.domain.memory.Memories;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Relevance;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Entries in a map; filters only as far as the use-case tests need (owner and any-term match). */
public final class InMemoryMemories implements Memories {

    public final Map<MemoryId, MemoryEntry> entries = new LinkedHashMap<>();

    @Override
    public void add(MemoryEntry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public Optional<MemoryEntry> find(UserId owner, MemoryId id) {
        return Optional.ofNullable(entries.get(id)).filter(e -> e.owner().equals(owner));
    }

    @Override
    public boolean update(MemoryEntry entry) {
        return find(entry.owner(), entry.id()).map(e -> entries.put(entry.id(), entry) != null).orElse(false);
    }

    @Override
    public boolean delete(UserId owner, MemoryId id) {
        return find(owner, id).map(e -> entries.remove(id) != null).orElse(false);
    }

    @Override
    public Set<MemoryId> deleteAll(UserId owner, Collection<MemoryId> ids) {
        Set<MemoryId> deleted = new HashSet<>();
        ids.forEach(id -> {
            if (delete(owner, id)) {
                deleted.add(id);
            }
        });
        return deleted;
    }

    @Override
    public MemoryPage page(UserId owner, MemoryQuery query) {
        List<MemoryEntry> mine = owned(owner);
        return new MemoryPage(mine.stream().skip(query.offset()).limit(query.limit()).toList(), mine.size(),
                query.limit(), query.offset());
    }

    @Override
    public MemoryStats stats(UserId owner) {
        return new MemoryStats(owned(owner).size(), Map.of(), 0, List.of());
    }

    @Override
    public List<MemoryEntry> findAll(UserId owner, Collection<MemoryId> ids) {
        return ids.stream().map(id -> find(owner, id)).flatMap(Optional::stream).toList();
    }

    /** Ranked by the simple word score of {@link Relevance}; enough for use-case tests. */
    @Override
    public List<Ranked> rankedByText(UserId owner, TextSearch search, int max) {
        return owned(owner).stream()
                .map(e -> new Ranked(e.id(), Relevance.score(e, search.query(), search.terms())))
                .filter(hit -> hit.score() > 0)
                .sorted(Comparator.comparingDouble(Ranked::score).reversed())
                .limit(max).toList();
    }

    @Override
    public void recordAccess(UserId owner, MemoryId id, Instant at) {
        find(owner, id).ifPresent(e -> entries.put(id, e.accessedAt(at)));
    }

    private List<MemoryEntry> owned(UserId owner) {
        return entries.values().stream().filter(e -> e.owner().equals(owner)).toList();
    }
}
