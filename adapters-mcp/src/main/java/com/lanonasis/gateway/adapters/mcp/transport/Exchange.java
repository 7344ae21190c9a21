package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.mcp.protocol.InsufficientScope;
import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpCall;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.Outbound;
import com.lanonasis.gateway.adapters.mcp.server.McpServer;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The message loop of the connection-oriented transports (legacy SSE, WebSocket): one text in,
 * replies out through the connection, requests run on workers so a tool may wait for the client.
 */
@Singleton
final class Exchange {

    private final McpServer server;
    private final McpJson json;
    private final ExecutorService executor;

    Exchange(McpServer server, McpJson json, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.server = server;
        this.json = json;
        this.executor = executor;
    }

    /** Handles one incoming message; everything to send goes to {@code out} as JSON text. */
    void receive(byte[] text, Principal caller, McpSession session, Consumer<String> out) {
        Object message;
        try {
            message = json.read(text);
        } catch (McpException e) {
            out.accept(json.write(JsonRpc.error(null, e.code(), e.getMessage())));
            return;
        }
        JsonRpc.Kind kind = JsonRpc.kindOf(message);
        if (kind == JsonRpc.Kind.INVALID) {
            out.accept(json.write(JsonRpc.error(JsonRpc.idOf(message), JsonRpc.INVALID_REQUEST,
                    "Invalid Request: not a JSON-RPC 2.0 request, notification or response")));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rpc = (Map<String, Object>) message;
        Outbound outbound = sent -> out.accept(json.write(sent));
        McpCall call = new McpCall(caller, session, outbound);
        switch (kind) {
            case NOTIFICATION -> server.accept(rpc, call);
            case RESPONSE -> session.answer(rpc);
            default -> executor.execute(() -> out.accept(json.write(reply(rpc, call))));
        }
    }

    private Map<String, Object> reply(Map<String, Object> rpc, McpCall call) {
        try {
            return server.reply(rpc, call);
        } catch (InsufficientScope e) {
            return JsonRpc.error(rpc.get("id"), e.code(), e.getMessage(), e.data());
        } catch (StoreUnavailable e) {
            return JsonRpc.error(rpc.get("id"), JsonRpc.INTERNAL_ERROR, "storage is unavailable; retry shortly");
        }
    }
}
