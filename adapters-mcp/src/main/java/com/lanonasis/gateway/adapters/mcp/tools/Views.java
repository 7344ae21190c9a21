package com.lanonasis.gateway.adapters.mcp.tools;

import com.lanonasis.gateway.adapters.mcp.server.ToolResult;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.ScoredMemory;
import com.lanonasis.gateway.domain.shared.Rejection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Domain values in the JSON shapes the REST API uses, so a tool result reads like the REST body. */
final class Views {

    private Views() {
    }

    static Map<String, Object> entry(MemoryEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id().toString());
        view.put("title", entry.title().value());
        view.put("content", entry.content().value());
        view.put("type", entry.type().wireName());
        view.put("memory_type", entry.type().wireName());
        view.put("tags", entry.tags().values());
        view.put("metadata", entry.metadata().values());
        view.put("user_id", entry.owner().toString());
        view.put("created_at", iso(entry.createdAt()));
        view.put("updated_at", iso(entry.updatedAt()));
        view.put("last_accessed", iso(entry.lastAccessed()));
        view.put("access_count", entry.accessCount());
        return view;
    }

    /** A new entry, with {@code possible_duplicate_of} when one of the caller's entries means nearly the same. */
    static Map<String, Object> created(com.lanonasis.gateway.application.memory.port.in.CreatedMemory created) {
        Map<String, Object> view = entry(created.entry());
        created.possibleDuplicateOf().ifPresent(duplicate -> view.put("possible_duplicate_of", Map.of(
                "id", duplicate.id().toString(), "similarity", Math.round(duplicate.score() * 10_000) / 10_000.0)));
        return view;
    }

    static Map<String, Object> page(MemoryPage page) {
        return Map.of("memories", page.entries().stream().map(Views::entry).toList(),
                "pagination", Map.of("page", page.page(), "limit", page.limit(), "total", page.total(),
                        "pages", page.pages()));
    }

    static Map<String, Object> hit(ScoredMemory scored) {
        Map<String, Object> hit = entry(scored.entry());
        hit.put("relevance_score", scored.relevance());
        return hit;
    }

    static Map<String, Object> stats(MemoryStats stats) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (MemoryType type : MemoryType.values()) {
            byType.put(type.wireName(), stats.byType().getOrDefault(type, 0L));
        }
        return Map.of("total_memories", stats.totalMemories(), "memories_by_type", byType,
                "total_size_bytes", stats.totalSizeBytes(),
                "recent_memories", stats.recent().stream().map(Views::entry).toList());
    }

    static Map<String, Object> key(ApiKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id().value());
        view.put("name", key.name());
        view.put("scopes", key.scopes().names());
        view.put("created_at", iso(key.createdAt()));
        view.put("expires_at", iso(key.expiresAt()));
        view.put("last_used_at", iso(key.lastUsedAt()));
        return view;
    }

    /** A use case's refusal as a tool error the model can read. */
    static ToolResult refusal(Rejection rejection) {
        return rejection.match(AS_TOOL_ERROR);
    }

    private static final Rejection.Cases<ToolResult> AS_TOOL_ERROR = new Rejection.Cases<>() {
        @Override
        public ToolResult notFound(Rejection.NotFound notFound) {
            return ToolResult.error(notFound.what() + " not found");
        }

        @Override
        public ToolResult invalid(Rejection.Invalid invalid) {
            return ToolResult.error("invalid arguments: " + invalid.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        }

        @Override
        public ToolResult conflict(Rejection.Conflict conflict) {
            return ToolResult.error(conflict.message());
        }

        @Override
        public ToolResult forbidden(Rejection.Forbidden forbidden) {
            return ToolResult.error("this credential lacks the scope " + forbidden.required().value());
        }

        @Override
        public ToolResult refused(Rejection.Refused refused) {
            return ToolResult.error(refused.message());
        }

        @Override
        public ToolResult rateLimited(Rejection.RateLimited limited) {
            return ToolResult.error("too many requests; retry in " + Math.max(1, limited.retryAfter().toSeconds())
                    + " s");
        }

        @Override
        public ToolResult invalidCredentials(Rejection.InvalidCredentials rejection) {
            return ToolResult.error("the credentials are incorrect");
        }
    };

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
