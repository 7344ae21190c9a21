package com.lanonasis.gateway.adapters.mcp.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The MCP revisions this server speaks, newest first. 2026-07-28 is stateless (no initialize,
 * no session; version and client capabilities in every request's {@code _meta}) and is chosen
 * per request; the older revisions are negotiated by {@code initialize} and may keep a session.
 */
public final class ProtocolVersions {

    /** The stateless revision, chosen per request by MCP-Protocol-Version and {@code _meta}. */
    public static final String STATELESS = "2026-07-28";
    /** The newest revision that {@code initialize} negotiates (sessions, resumable streams). */
    public static final String LATEST = "2025-11-25";
    /** What a Streamable HTTP request without MCP-Protocol-Version is assumed to speak (spec, "Protocol Version Header"). */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";
    /** The revisions {@code initialize} negotiates. */
    public static final List<String> SUPPORTED = List.of(LATEST, "2025-06-18", "2025-03-26", "2024-11-05");
    /** Every revision, as {@code server/discover} and the -32022 error list them. */
    public static final List<String> ALL;

    /** {@code _meta} keys of a 2026-07-28 request. */
    public static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    static {
        List<String> all = new ArrayList<>();
        all.add(STATELESS);
        all.addAll(SUPPORTED);
        ALL = List.copyOf(all);
    }

    private ProtocolVersions() {
    }

    /** A revision {@code initialize} can negotiate. */
    public static boolean supported(String version) {
        return SUPPORTED.contains(version);
    }

    /** Any revision this server speaks, stateless or not. */
    public static boolean known(String version) {
        return ALL.contains(version);
    }

    public static boolean stateless(String version) {
        return STATELESS.equals(version);
    }

    /** The client's version when we speak it, otherwise our latest (the client then decides). */
    public static String negotiate(Object requested) {
        return requested instanceof String version && supported(version) ? version : LATEST;
    }
}
