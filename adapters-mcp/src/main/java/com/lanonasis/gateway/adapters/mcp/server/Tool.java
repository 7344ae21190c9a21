package com.lanonasis.gateway.adapters.mcp.server;

import com.lanonasis.gateway.domain.shared.Scope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One MCP tool as listed by tools/list and run by tools/call.
 *
 * @param requiredScope null when any authenticated caller may call it
 * @param interactive   true when it may send progress, log lines or questions before its result,
 *                      so Streamable HTTP answers it with an SSE stream instead of one JSON body
 */
public record Tool(String name, String title, String description, Map<String, Object> inputSchema,
                   Map<String, Object> outputSchema, Hints hints, Scope requiredScope, boolean interactive,
                   Handler handler) {

    @FunctionalInterface
    public interface Handler {
        ToolResult call(Arguments arguments, ToolContext context);
    }

    /** The MCP tool annotations. */
    public record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

        public static final Hints READ = new Hints(true, false, true, false);
        public static final Hints CREATE = new Hints(false, false, false, false);
        public static final Hints CHANGE = new Hints(false, true, true, false);

        Map<String, Object> toMap(String title) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("title", title);
            map.put("readOnlyHint", readOnly);
            map.put("destructiveHint", destructive);
            map.put("idempotentHint", idempotent);
            map.put("openWorldHint", openWorld);
            return map;
        }
    }

    /** The tools/list entry. */
    public Map<String, Object> describe() {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", name);
        tool.put("title", title);
        tool.put("description", description);
        tool.put("inputSchema", inputSchema);
        if (outputSchema != null) {
            tool.put("outputSchema", outputSchema);
        }
        if (hints != null) {
            tool.put("annotations", hints.toMap(title));
        }
        return tool;
    }
}
