package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.ScoredMemory;
import com.lanonasis.gateway.domain.memory.SearchMode;
import java.util.List;

/**
 * @param totalResults how many entries passed the threshold, before the limit
 * @param mode         the mode that ran: {@code text} when semantic search is off (degraded)
 */
public record SearchResults(List<ScoredMemory> results, int totalResults, SearchMode mode) {
}
