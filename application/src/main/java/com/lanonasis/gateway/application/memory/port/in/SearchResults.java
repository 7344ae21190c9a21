package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.ScoredMemory;
import java.util.List;

/** @param totalResults how many entries passed the threshold, before the limit */
public record SearchResults(List<ScoredMemory> results, int totalResults) {
}
