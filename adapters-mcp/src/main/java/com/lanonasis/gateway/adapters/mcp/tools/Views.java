package com.lanonasis.gateway.adapters.mcp.tools;

import com.lanonasis.gateway.adapters.http.shared.MemoryViews;
import com.lanonasis.gateway.adapters.mcp.server.ToolResult;
import com.lanonasis.gateway.application.memory.port.in.CreatedMemory;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.memory.ScoredMemory;
import com.lanonasis.gateway.domain.shared.Rejection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Domain values in the JSON shapes the REST API uses (memories: the shared edge's {@link MemoryViews}). */
final class Views {

    private Views() {
    }

    static Map<String, Object> entry(MemoryEntry entry) {
        return MemoryViews.EntryView.of(entry).fields();
    }

    /** A new entry, with {@code possible_duplicate_of} when one of the caller's entries means nearly the same. */
    static Map<String, Object> created(CreatedMemory created) {
        return MemoryViews.CreatedView.of(created).fields();
    }

    static Map<String, Object> page(MemoryPage page) {
        return MemoryViews.EntryList.of(page).fields();
    }

    static Map<String, Object> hit(ScoredMemory scored) {
        return MemoryViews.hit(scored);
    }

    static Map<String, Object> stats(MemoryStats stats) {
        return MemoryViews.StatsView.of(stats).fields();
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
