package com.lanonasis.gateway.domain.memory;

import java.util.List;

/** @param total how many entries match the query in all, beyond this page */
public record MemoryPage(List<MemoryEntry> entries, long total, int limit, int offset) {

    public MemoryPage {
        entries = List.copyOf(entries);
    }

    /** 1-based page number of this page's first entry. */
    public int page() {
        return offset / limit + 1;
    }

    public long pages() {
        return (total + limit - 1) / limit;
    }
}
