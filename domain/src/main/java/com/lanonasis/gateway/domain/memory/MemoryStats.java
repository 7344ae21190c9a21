package com.lanonasis.gateway.domain.memory;

import java.util.List;
import java.util.Map;

public record MemoryStats(long totalMemories, Map<MemoryType, Long> byType, long totalSizeBytes,
                          List<MemoryEntry> recent) {

    public static final int RECENT_COUNT = 5;

    public MemoryStats {
        byType = Map.copyOf(byType);
        recent = List.copyOf(recent);
    }
}
