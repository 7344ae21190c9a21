package com.lanonasis.gateway.adapters.http.shared;

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

/**
 * The JSON view of memories, written once for the REST API (as these records) and the MCP tools and
 * resources (as the same fields in a map, {@code fields()}), so a tool result reads like the REST body.
 */
public final class MemoryViews {

    private MemoryViews() {
    }

    /** One memory; {@code memory_type} repeats {@code type} under the platform's older name. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EntryView(String id, String title, String content, String type,
                            @JsonProperty("memory_type") String memoryType, List<String> tags,
                            Map<String, Object> metadata, @JsonProperty("user_id") String userId,
                            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
                            @Nullable @JsonProperty("last_accessed") String lastAccessed,
                            @JsonProperty("access_count") long accessCount) {

        public static EntryView of(MemoryEntry entry) {
            return new EntryView(entry.id().toString(), entry.title().value(), entry.content().value(),
                    entry.type().wireName(), entry.type().wireName(), entry.tags().values(),
                    entry.metadata().values(), entry.owner().toString(), iso(entry.createdAt()),
                    iso(entry.updatedAt()), iso(entry.lastAccessed()), entry.accessCount());
        }

        /** The same fields, in order, as a mutable map (null {@code last_accessed} included). */
        public Map<String, Object> fields() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("title", title);
            view.put("content", content);
            view.put("type", type);
            view.put("memory_type", memoryType);
            view.put("tags", tags);
            view.put("metadata", metadata);
            view.put("user_id", userId);
            view.put("created_at", createdAt);
            view.put("updated_at", updatedAt);
            view.put("last_accessed", lastAccessed);
            view.put("access_count", accessCount);
            return view;
        }
    }

    @Serdeable
    public record Pagination(int page, int limit, long total, long pages) {

        public Map<String, Object> fields() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("page", page);
            view.put("limit", limit);
            view.put("total", total);
            view.put("pages", pages);
            return view;
        }
    }

    @Serdeable
    public record EntryList(List<EntryView> memories, Pagination pagination) {

        public static EntryList of(MemoryPage page) {
            return new EntryList(page.entries().stream().map(EntryView::of).toList(),
                    new Pagination(page.page(), page.limit(), page.total(), page.pages()));
        }

        public Map<String, Object> fields() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("memories", memories.stream().map(EntryView::fields).toList());
            view.put("pagination", pagination.fields());
            return view;
        }
    }

    /** A new entry: its fields, plus {@code possible_duplicate_of} when one of the caller's means nearly the same. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CreatedView(String id, String title, String content, String type,
                              @JsonProperty("memory_type") String memoryType, List<String> tags,
                              Map<String, Object> metadata, @JsonProperty("user_id") String userId,
                              @JsonProperty("created_at") String createdAt,
                              @JsonProperty("updated_at") String updatedAt,
                              @Nullable @JsonProperty("last_accessed") String lastAccessed,
                              @JsonProperty("access_count") long accessCount,
                              @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @JsonProperty("possible_duplicate_of") Duplicate possibleDuplicateOf) {

        public static CreatedView of(CreatedMemory created) {
            EntryView entry = EntryView.of(created.entry());
            return new CreatedView(entry.id(), entry.title(), entry.content(), entry.type(), entry.memoryType(),
                    entry.tags(), entry.metadata(), entry.userId(), entry.createdAt(), entry.updatedAt(),
                    entry.lastAccessed(), entry.accessCount(), created.possibleDuplicateOf()
                    .map(duplicate -> new Duplicate(duplicate.id().toString(),
                            Math.round(duplicate.score() * 10_000) / 10_000.0))
                    .orElse(null));
        }

        /** The entry's fields, then {@code possible_duplicate_of} only when there is one. */
        public Map<String, Object> fields() {
            Map<String, Object> view = new EntryView(id, title, content, type, memoryType, tags, metadata, userId,
                    createdAt, updatedAt, lastAccessed, accessCount).fields();
            if (possibleDuplicateOf != null) {
                view.put("possible_duplicate_of", possibleDuplicateOf.fields());
            }
            return view;
        }
    }

    /** The existing memory a new one nearly repeats, and how close they are (cosine, 4 decimals). */
    @Serdeable
    public record Duplicate(String id, double similarity) {

        public Map<String, Object> fields() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("similarity", similarity);
            return view;
        }
    }

    @Serdeable
    public record StatsView(@JsonProperty("total_memories") long totalMemories,
                            @JsonProperty("memories_by_type") Map<String, Long> memoriesByType,
                            @JsonProperty("total_size_bytes") long totalSizeBytes,
                            @JsonProperty("recent_memories") List<EntryView> recentMemories) {

        public static StatsView of(MemoryStats stats) {
            Map<String, Long> byType = new LinkedHashMap<>();
            for (MemoryType type : MemoryType.values()) {
                byType.put(type.wireName(), stats.byType().getOrDefault(type, 0L));
            }
            return new StatsView(stats.totalMemories(), byType, stats.totalSizeBytes(),
                    stats.recent().stream().map(EntryView::of).toList());
        }

        public Map<String, Object> fields() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("total_memories", totalMemories);
            view.put("memories_by_type", memoriesByType);
            view.put("total_size_bytes", totalSizeBytes);
            view.put("recent_memories", recentMemories.stream().map(EntryView::fields).toList());
            return view;
        }
    }

    /** A search hit: the entry's fields plus its score, flat, as the platform's clients read it. */
    public static Map<String, Object> hit(ScoredMemory scored) {
        Map<String, Object> hit = EntryView.of(scored.entry()).fields();
        hit.put("relevance_score", scored.relevance());
        return hit;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
