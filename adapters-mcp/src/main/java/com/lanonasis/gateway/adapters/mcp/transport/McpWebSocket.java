package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import java.nio.charset.StandardCharsets;

/**
 * MCP over WebSocket, as the TypeScript SDK's WebSocket client transport speaks it: subprotocol
 * {@code mcp}, one JSON-RPC message per text frame, one MCP session per connection.
 */
abstract class McpWebSocket {

    private static final String SESSION = "onasis.mcp.session";
    private static final String CALLER = "onasis.mcp.caller";

    private final McpSessions sessions;
    private final Exchange exchange;
    private final SessionEvents events;
    private final McpJson json;

    McpWebSocket(McpSessions sessions, Exchange exchange, SessionEvents events, McpJson json) {
        this.sessions = sessions;
        this.exchange = exchange;
        this.events = events;
        this.json = json;
    }

    @OnOpen
    void opened(WebSocketSession socket, HttpRequest<?> request) {
        Principal caller = request.getAttribute(WebSocketUpgradeFilter.CALLER, Principal.class).orElse(null);
        if (caller == null) {
            socket.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        McpSession session = sessions.open(caller);
        socket.put(SESSION, session);
        socket.put(CALLER, caller);
        events.follow(session, caller, message -> {
            if (socket.isOpen()) {
                socket.sendAsync(json.write(message));
            }
        });
    }

    @OnMessage(maxPayloadLength = 1_048_576)
    void received(String text, WebSocketSession socket) {
        McpSession session = socket.get(SESSION, McpSession.class).orElse(null);
        Principal caller = socket.get(CALLER, Principal.class).orElse(null);
        if (session == null || caller == null) {
            socket.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        exchange.receive(text.getBytes(StandardCharsets.UTF_8), caller, session, reply -> {
            if (socket.isOpen()) {
                socket.sendSync(reply);
            }
        });
    }

    @OnClose
    void closed(WebSocketSession socket) {
        socket.get(SESSION, McpSession.class).ifPresent(session -> sessions.end(session.id()));
    }
}
