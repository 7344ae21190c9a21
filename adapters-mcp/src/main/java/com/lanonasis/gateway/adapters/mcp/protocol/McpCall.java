package com.lanonasis.gateway.adapters.mcp.protocol;

import com.lanonasis.gateway.domain.shared.Principal;
import java.util.Map;

/**
 * Who is calling and how to reach them while the call runs.
 *
 * @param session            null for a stateless exchange (no MCP-Session-Id, and every 2026-07-28 request)
 * @param outbound           where messages sent before the reply go; {@link Outbound#NONE} when nowhere
 * @param revision           the request's own revision when it names one per request (2026-07-28), else null:
 *                           the session's negotiated revision, or the pre-2026 stateless exchange
 * @param clientCapabilities what the client declared in this request's {@code _meta} (2026-07-28), else empty
 */
public record McpCall(Principal principal, McpSession session, Outbound outbound, String revision,
                      Map<String, Object> clientCapabilities) {

    public McpCall {
        clientCapabilities = clientCapabilities == null ? Map.of() : clientCapabilities;
    }

    public McpCall(Principal principal, McpSession session, Outbound outbound) {
        this(principal, session, outbound, null, Map.of());
    }

    /** True for a 2026-07-28 request: results carry resultType, lists carry ttlMs and cacheScope. */
    public boolean stateless() {
        return ProtocolVersions.stateless(revision);
    }
}
