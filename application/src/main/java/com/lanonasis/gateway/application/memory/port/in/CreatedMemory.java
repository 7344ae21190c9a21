package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.Ranked;
import java.util.Optional;

/**
 * A stored entry, and the caller's existing entry that means nearly the same, if any (cosine
 * similarity at or above the configured level). Never merged: the caller decides.
 */
public record CreatedMemory(MemoryEntry entry, Optional<Ranked> possibleDuplicateOf) {
}
