package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** The WebSocket endpoint at {@code /ws} and its alias {@code /mcp/ws}. */
final class WebSocketEndpoints {

    private WebSocketEndpoints() {
    }

    @ServerWebSocket(value = "/ws", subprotocols = "mcp")
    static final class Root extends McpWebSocket {

        Root(McpSessions sessions, Exchange exchange, SessionEvents events, McpJson json) {
            super(sessions, exchange, events, json);
        }

        @OnOpen
        void open(WebSocketSession socket, HttpRequest<?> request) {
            opened(socket, request);
        }

        @OnMessage(maxPayloadLength = 1_048_576)
        void message(String text, WebSocketSession socket) {
            received(text, socket);
        }

        @OnClose
        void close(WebSocketSession socket) {
            closed(socket);
        }
    }

    @ServerWebSocket(value = "/mcp/ws", subprotocols = "mcp")
    static final class UnderMcp extends McpWebSocket {

        UnderMcp(McpSessions sessions, Exchange exchange, SessionEvents events, McpJson json) {
            super(sessions, exchange, events, json);
        }

        @OnOpen
        void open(WebSocketSession socket, HttpRequest<?> request) {
            opened(socket, request);
        }

        @OnMessage(maxPayloadLength = 1_048_576)
        void message(String text, WebSocketSession socket) {
            received(text, socket);
        }

        @OnClose
        void close(WebSocketSession socket) {
            closed(socket);
        }
    }
}
