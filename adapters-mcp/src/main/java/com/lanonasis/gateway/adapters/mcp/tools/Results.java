package com.lanonasis.gateway.adapters.mcp.tools;

import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.server.ToolResult;
import com.lanonasis.gateway.domain.shared.Outcome;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Function;

/** Turns a use case's outcome into a tool result: structured content on success, an error result on refusal. */
@Singleton
final class Results {

    private final McpJson json;

    Results(McpJson json) {
        this.json = json;
    }

    <T> ToolResult of(Outcome<T> outcome, Function<T, Map<String, Object>> view) {
        return outcome.fold(value -> structured(view.apply(value)), Views::refusal);
    }

    ToolResult structured(Map<String, Object> value) {
        return ToolResult.structured(value, json.write(value));
    }
}
