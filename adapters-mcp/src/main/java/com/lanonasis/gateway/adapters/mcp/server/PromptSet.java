package com.lanonasis.gateway.adapters.mcp.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prompts the server offers; the default profile has none. */
public interface PromptSet {

    List<Map<String, Object>> list();

    /** The prompts/get result for {@code name}, or empty when this set has no such prompt. */
    Optional<Map<String, Object>> get(String name, Map<String, Object> arguments);

    /** As {@link #get(String, Map)}, for a prompt that may need the client first (2026-07-28 input requests). */
    default Optional<Map<String, Object>> get(String name, Map<String, Object> arguments, ToolContext context) {
        return get(name, arguments);
    }
}
