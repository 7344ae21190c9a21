package com.lanonasis.gateway.adapters.mcp.protocol;

import com.lanonasis.gateway.domain.shared.Principal;

/**
 * Who is calling and how to reach them while the call runs.
 *
 * @param session  null for a stateless exchange (no MCP-Session-Id)
 * @param outbound where messages sent before the reply go; {@link Outbound#NONE} when nowhere
 */
public record McpCall(Principal principal, McpSession session, Outbound outbound) {
}
