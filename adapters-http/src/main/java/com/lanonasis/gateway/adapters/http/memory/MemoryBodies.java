package com.lanonasis.gateway.adapters.http.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.shared.MemoryViews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** The request bodies of the memory API and its REST-only answers; memories themselves are {@link MemoryViews}. */
final class MemoryBodies {

    private MemoryBodies() {
    }

    /** Create and update body; {@code memory_type} is the platform's older name for {@code type}. */
    @Serdeable
    record EntryBody(@Nullable String title, @Nullable String content, @Nullable String type,
                     @Nullable @JsonProperty("memory_type") String memoryType, @Nullable List<String> tags,
                     @Nullable Map<String, Object> metadata) {

        String effectiveType() {
            return type != null ? type : memoryType;
        }
    }

    @Serdeable
    record SearchBody(@Nullable String query, @Nullable List<String> types,
                      @Nullable @JsonProperty("memory_types") List<String> memoryTypes, @Nullable List<String> tags,
                      @Nullable Integer limit, @Nullable Double threshold, @Nullable String mode) {

        List<String> effectiveTypes() {
            return types != null ? types : memoryTypes;
        }
    }

    @Serdeable
    record BulkDeleteBody(@Nullable @JsonProperty("memory_ids") List<String> memoryIds) {
    }

    @Serdeable
    record SearchView(List<Map<String, Object>> results, @JsonProperty("total_results") int totalResults,
                      @JsonProperty("search_time_ms") long searchTimeMs,
                      @JsonProperty("search_mode") String searchMode) {
    }

    @Serdeable
    record BulkDeleteView(@JsonProperty("deleted_count") int deletedCount,
                          @JsonProperty("failed_ids") List<String> failedIds) {
    }
}
