package com.lanonasis.gateway.adapters.mcp.server;

import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpCall;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.domain.shared.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a running tool may use: its caller, progress and log notifications, questions to the client. */
public final class ToolContext {

    private static final Duration CLIENT_ANSWER_TIMEOUT = Duration.ofMinutes(2);

    private final McpCall call;
    private final Object progressToken;

    public ToolContext(McpCall call, Object progressToken) {
        this.call = call;
        this.progressToken = progressToken;
    }

    public Principal caller() {
        return call.principal();
    }

    /** Sends notifications/progress if the client asked for it with a progress token. */
    public void progress(double progress, Double total, String message) {
        if (progressToken == null) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("progressToken", progressToken);
        params.put("progress", progress);
        if (total != null) {
            params.put("total", total);
        }
        if (message != null) {
            params.put("message", message);
        }
        call.outbound().send(JsonRpc.notification("notifications/progress", params));
    }

    /** Sends notifications/message if the session's level lets it through. */
    public void log(McpSession.LogLevel level, String logger, Object data) {
        McpSession session = call.session();
        if (session != null && level.compareTo(session.logLevel()) < 0) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("level", level.wireName());
        if (logger != null) {
            params.put("logger", logger);
        }
        params.put("data", data);
        call.outbound().send(JsonRpc.notification("notifications/message", params));
    }

    /** Lets the client's connection go while the tool keeps working; see {@link Outbound#pause()}. */
    public void pauseConnection() {
        call.outbound().pause();
    }

    /**
     * Asks the client (sampling/createMessage, elicitation/create, roots/list) and waits for its
     * result; the client's JSON-RPC error becomes an {@link McpException}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> ask(String method, Map<String, Object> params) {
        McpSession session = call.session();
        if (session == null) {
            throw new McpException(JsonRpc.INVALID_REQUEST, method + " needs a session: initialize first");
        }
        Map<String, Object> reply = session.ask(call.outbound(), method, params, CLIENT_ANSWER_TIMEOUT);
        if (reply.get("error") instanceof Map<?, ?> error) {
            throw new McpException(JsonRpc.INTERNAL_ERROR, "the client declined " + method + ": " + error.get("message"));
        }
        return reply.get("result") instanceof Map<?, ?> result ? (Map<String, Object>) result : Map.of();
    }
}
