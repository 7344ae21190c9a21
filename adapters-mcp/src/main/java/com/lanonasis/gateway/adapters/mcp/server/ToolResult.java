package com.lanonasis.gateway.adapters.mcp.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a tool answers: content blocks, optional structured content, and whether it failed. */
public record ToolResult(List<Map<String, Object>> content, Map<String, Object> structured, boolean isError) {

    public ToolResult {
        content = List.copyOf(content);
    }

    /** Structured output, also given as JSON text for clients that read only content (spec advice). */
    public static ToolResult structured(Map<String, Object> value, String json) {
        return new ToolResult(List.of(text(json)), value, false);
    }

    public static ToolResult of(List<Map<String, Object>> content) {
        return new ToolResult(content, null, false);
    }

    /** A failure the model can read and act on: bad arguments, a missing entry, a rule broken. */
    public static ToolResult error(String message) {
        return new ToolResult(List.of(text(message)), null, true);
    }

    public static Map<String, Object> text(String text) {
        return Map.of("type", "text", "text", text);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("content", content);
        if (structured != null) {
            result.put("structuredContent", structured);
        }
        result.put("isError", isError);
        return result;
    }
}
