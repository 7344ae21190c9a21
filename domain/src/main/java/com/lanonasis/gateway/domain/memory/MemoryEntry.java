package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One remembered thing, owned by exactly one user.
 *
 * @param lastAccessed null until first read
 */
public record MemoryEntry(MemoryId id, UserId owner, Title title, Content content, MemoryType type, Tags tags,
                          Metadata metadata, Instant createdAt, Instant updatedAt, Instant lastAccessed,
                          long accessCount) {

    public MemoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static MemoryEntry create(MemoryId id, UserId owner, Title title, Content content, MemoryType type,
                                     Tags tags, Metadata metadata, Instant now) {
        return new MemoryEntry(id, owner, title, content, type, tags, metadata, now, now, null, 0);
    }

    public MemoryEntry apply(MemoryChanges changes, Instant now) {
        return new MemoryEntry(id, owner,
                changes.title().orElse(title),
                changes.content().orElse(content),
                changes.type().orElse(type),
                changes.tags().orElse(tags),
                changes.metadata().orElse(metadata),
                createdAt, now, lastAccessed, accessCount);
    }

    public MemoryEntry accessedAt(Instant now) {
        return new MemoryEntry(id, owner, title, content, type, tags, metadata, createdAt, updatedAt, now,
                accessCount + 1);
    }
}
