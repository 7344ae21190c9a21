package com.lanonasis.gateway.adapters.mcp.protocol;

import java.util.Map;

/**
 * Where the messages a request sends while it runs go (progress, log lines, requests to the
 * client): the request's SSE stream, the WebSocket, or the legacy SSE stream.
 */
@FunctionalInterface
public interface Outbound {

    /** A stateless JSON exchange: nothing can be sent before the reply. */
    Outbound NONE = message -> {
        throw new McpException(JsonRpc.INVALID_REQUEST,
                "this exchange cannot carry messages to the client; use a session with an SSE-capable request");
    };

    void send(Map<String, Object> message);

    /**
     * Ends the current connection but not the stream (SSE polling, SEP-1699): the client
     * reconnects with Last-Event-ID and gets the rest. A no-op where connections are not resumable.
     */
    default void pause() {
    }
}
