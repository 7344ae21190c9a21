package com.lanonasis.gateway.adapters.mcp.protocol;

import java.util.List;

/** The MCP revisions this server speaks, newest first. */
public final class ProtocolVersions {

    public static final String LATEST = "2025-11-25";
    /** What a Streamable HTTP request without MCP-Protocol-Version is assumed to speak (spec, "Protocol Version Header"). */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";
    public static final List<String> SUPPORTED = List.of(LATEST, "2025-06-18", "2025-03-26", "2024-11-05");

    private ProtocolVersions() {
    }

    public static boolean supported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The client's version when we speak it, otherwise our latest (the client then decides). */
    public static String negotiate(Object requested) {
        return requested instanceof String version && supported(version) ? version : LATEST;
    }
}
