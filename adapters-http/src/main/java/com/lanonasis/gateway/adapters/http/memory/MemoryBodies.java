package com.lanonasis.gateway.adapters.http.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.application.memory.port.in.CreatedMemory;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.ScoredMemory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the memory API, and their mapping from the domain. */
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
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EntryView(String id, String title, String content, String type,
                     @JsonProperty("memory_type") String memoryType, List<String> tags, Map<String, Object> metadata,
                     @JsonProperty("user_id") String userId, @JsonProperty("created_at") String createdAt,
                     @JsonProperty("updated_at") String updatedAt, @Nullable @JsonProperty("last_accessed") String lastAccessed,
                     @JsonProperty("access_count") long accessCount) {

        static EntryView of(MemoryEntry entry) {
            return new EntryView(entry.id().toString(), entry.title().value(), entry.content().value(),
                    entry.type().wireName(), entry.type().wireName(), entry.tags().values(),
                    entry.metadata().values(), entry.owner().toString(), iso(entry.createdAt()),
                    iso(entry.updatedAt()), iso(entry.lastAccessed()), entry.accessCount());
        }
    }

    @Serdeable
    record Pagination(int page, int limit, long total, long pages) {
    }

    @Serdeable
    record EntryList(List<EntryView> memories, Pagination pagination) {

        static EntryList of(MemoryPage page) {
            return new EntryList(page.entries().stream().map(EntryView::of).toList(),
                    new Pagination(page.page(), page.limit(), page.total(), page.pages()));
        }
    }

    /** A new entry: its fields, plus {@code possible_duplicate_of} when one of the caller's means nearly the same. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CreatedView(String id, String title, String content, String type,
                       @JsonProperty("memory_type") String memoryType, List<String> tags, Map<String, Object> metadata,
                       @JsonProperty("user_id") String userId, @JsonProperty("created_at") String createdAt,
                       @JsonProperty("updated_at") String updatedAt,
                       @Nullable @JsonProperty("last_accessed") String lastAccessed,
                       @JsonProperty("access_count") long accessCount,
                       @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
                       @JsonInclude(JsonInclude.Include.NON_NULL)
                       @JsonProperty("possible_duplicate_of") Duplicate possibleDuplicateOf) {

        static CreatedView of(CreatedMemory created) {
            EntryView entry = EntryView.of(created.entry());
            return new CreatedView(entry.id(), entry.title(), entry.content(), entry.type(), entry.memoryType(),
                    entry.tags(), entry.metadata(), entry.userId(), entry.createdAt(), entry.updatedAt(),
                    entry.lastAccessed(), entry.accessCount(), created.possibleDuplicateOf()
                    .map(duplicate -> new Duplicate(duplicate.id().toString(),
                            Math.round(duplicate.score() * 10_000) / 10_000.0))
                    .orElse(null));
        }
    }

    /** The existing memory a new one nearly repeats, and how close they are (cosine, 4 decimals). */
    @Serdeable
    record Duplicate(String id, double similarity) {
    }

    /** A search hit: the entry's fields plus its score, flat, as the platform's clients read it. */
    static Map<String, Object> hit(ScoredMemory scored) {
        Map<String, Object> hit = fields(EntryView.of(scored.entry()));
        hit.put("relevance_score", scored.relevance());
        return hit;
    }

    private static Map<String, Object> fields(EntryView view) {
        Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("id", view.id());
        hit.put("title", view.title());
        hit.put("content", view.content());
        hit.put("type", view.type());
        hit.put("memory_type", view.memoryType());
        hit.put("tags", view.tags());
        hit.put("metadata", view.metadata());
        hit.put("user_id", view.userId());
        hit.put("created_at", view.createdAt());
        hit.put("updated_at", view.updatedAt());
        hit.put("last_accessed", view.lastAccessed());
        hit.put("access_count", view.accessCount());
        return hit;
    }

    @Serdeable
    record SearchView(List<Map<String, Object>> results, @JsonProperty("total_results") int totalResults,
                      @JsonProperty("search_time_ms") long searchTimeMs,
                      @JsonProperty("search_mode") String searchMode) {
    }

    @Serdeable
    record StatsView(@JsonProperty("total_memories") long totalMemories,
                     @JsonProperty("memories_by_type") Map<String, Long> memoriesByType,
                     @JsonProperty("total_size_bytes") long totalSizeBytes,
                     @JsonProperty("recent_memories") List<EntryView> recentMemories) {

        static StatsView of(MemoryStats stats) {
            Map<String, Long> byType = new LinkedHashMap<>();
            for (MemoryType type : MemoryType.values()) {
                byType.put(type.wireName(), stats.byType().getOrDefault(type, 0L));
            }
            return new StatsView(stats.totalMemories(), byType, stats.totalSizeBytes(),
                    stats.recent().stream().map(EntryView::of).toList());
        }
    }

    @Serdeable
    record BulkDeleteView(@JsonProperty("deleted_count") int deletedCount,
                          @JsonProperty("failed_ids") List<String> failedIds) {
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
