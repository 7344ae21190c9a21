package com.lanonasis.gateway.adapters.mcp.server;

import java.util.List;
import java.util.Map;

/** A group of tools the server offers; every bean of this type is listed, in {@link #order()}. */
public interface ToolSet {

    List<Tool> tools();

    /** Older names that still answer but are not listed: old name to tool name. */
    default Map<String, String> aliases() {
        return Map.of();
    }

    default int order() {
        return 0;
    }
}
