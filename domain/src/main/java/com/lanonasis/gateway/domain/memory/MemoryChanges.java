package com.lanonasis.gateway.domain.memory;

import java.util.Optional;

/** A partial update: each present field replaces the entry's, absent ones are kept. */
public record MemoryChanges(Optional<Title> title, Optional<Content> content, Optional<MemoryType> type,
                            Optional<Tags> tags, Optional<Metadata> metadata) {

    public boolean isEmpty() {
        return title.isEmpty() && content.isEmpty() && type.isEmpty() && tags.isEmpty() && metadata.isEmpty();
    }
}
