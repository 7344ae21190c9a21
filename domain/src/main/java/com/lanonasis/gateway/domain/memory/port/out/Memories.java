package com.lanonasis.gateway.domain.memory.port.out;

import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Outgoing port: the store of memory entries. Every call is scoped to one owner. */
public interface Memories {

    void add(MemoryEntry entry);

    Optional<MemoryEntry> find(UserId owner, MemoryId id);

    /** Replaces the stored entry's fields; false when the owner has no such entry. */
    boolean update(MemoryEntry entry);

    boolean delete(UserId owner, MemoryId id);

    /** Deletes those of the ids the owner has; returns the ids that were deleted. */
    Set<MemoryId> deleteAll(UserId owner, Collection<MemoryId> ids);

    MemoryPage page(UserId owner, MemoryQuery query);

    MemoryStats stats(UserId owner);

    /** The owner's entries with these ids, in no particular order; ids of other owners are left out. */
    List<MemoryEntry> findAll(UserId owner, Collection<MemoryId> ids);

    /**
     * The full-text leg of search: the owner's entries that contain at least one of the search's
     * words (stemmed; title weighs most, then tags, then content) and pass its filters, best first,
     * ties broken by the most recent update, then id. Scores are the engine's own (BM25 on H2,
     * {@code ts_rank} on Postgres), comparable only within one answer. A search without words
     * matches nothing.
     */
    List<Ranked> rankedByText(UserId owner, TextSearch search, int max);

    /**
     * Counts one read of the entry ({@code access_count}, {@code last_accessed}). Advisory: a store may
     * write it behind, and lose it on a crash (docs/performance.md).
     */
    void recordAccess(UserId owner, MemoryId id, Instant at);
}
