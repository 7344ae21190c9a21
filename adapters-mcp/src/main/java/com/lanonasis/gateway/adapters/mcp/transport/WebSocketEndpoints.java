package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import com.lanonasis.gateway.adapters.mcp.security.McpCallers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;

/** The WebSocket endpoint at {@code /ws} and its alias {@code /mcp/ws}; the behaviour is {@link McpWebSocket}'s. */
final class WebSocketEndpoints {

    private WebSocketEndpoints() {
    }

    @ServerWebSocket(value = "/ws", subprotocols = "mcp")
    static final class Root extends McpWebSocket {
        Root(McpSessions sessions, Exchange exchange, SessionEvents events, McpJson json,
               McpCallers callers, @Named(TaskExecutors.BLOCKING) ExecutorService workers) {
            super(sessions, exchange, events, json, callers, workers);
        }
    }

    @ServerWebSocket(value = "/mcp/ws", subprotocols = "mcp")
    static final class UnderMcp extends McpWebSocket {
        UnderMcp(McpSessions sessions, Exchange exchange, SessionEvents events, McpJson json,
               McpCallers callers, @Named(TaskExecutors.BLOCKING) ExecutorService workers) {
            super(sessions, exchange, events, json, callers, workers);
        }
    }
}
