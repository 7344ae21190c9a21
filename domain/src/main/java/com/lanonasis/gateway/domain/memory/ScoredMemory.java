package com.lanonasis.gateway.domain.memory;

public record ScoredMemory(MemoryEntry entry, double relevance) {
}
