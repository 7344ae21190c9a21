package com.lanonasis.gateway.domain.memory;

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

    /**
     * Entries of the owner that contain at least one of the terms (case-insensitively) in
     * title, content or a tag and pass the search's filters, most recently updated first. A search
     * without words matches nothing.
     */
    List<MemoryEntry> matching(UserId owner, TextSearch search, int max);

    void recordAccess(UserId owner, MemoryId id, Instant at);
}
