package com.lanonasis.gateway.domain.memory;

/** One entry as a search leg ranked it: its id and the leg's own score (higher is better). */
public record Ranked(MemoryId id, double score) {
}
