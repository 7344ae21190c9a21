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
    private final Map<String, Object> inputResponses;

    public ToolContext(McpCall call, Object progressToken) {
        this(call, progressToken, Map.of());
    }

    /** @param inputResponses the client's answers to earlier input requests (2026-07-28 retries), by key */
    public ToolContext(McpCall call, Object progressToken, Map<String, Object> inputResponses) {
        this.call = call;
        this.progressToken = progressToken;
        this.inputResponses = inputResponses == null ? Map.of() : inputResponses;
    }

    /**
     * True when the client can be asked with this method (elicitation/create, sampling/createMessage,
     * roots/list): a 2026-07-28 request that declared the capability in its _meta, or a session whose
     * client declared it at initialize. Stateless pre-2026 exchanges and plain REST cannot be asked.
     */
    public boolean canAsk(String method) {
        String capability = capabilityOf(method);
        if (call.stateless()) {
            return call.clientCapabilities().get(capability) instanceof Map;
        }
        return call.session() != null && call.session().clientCan(capability);
    }

    /**
     * Asks the client, on either revision: on a session, a request on the session's stream (as
     * {@link #ask}); on 2026-07-28, the answer under {@code key} in the retried call's
     * inputResponses, or else the call ends here with an InputRequiredResult asking for it.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> input(String key, String method, Map<String, Object> params) {
        if (!call.stateless()) {
            return ask(method, params);
        }
        if (inputResponses.get(key) instanceof Map<?, ?> answer) {
            return (Map<String, Object>) answer;
        }
        if (!canAsk(method)) {
            String capability = capabilityOf(method);
            throw new McpException(JsonRpc.MISSING_CLIENT_CAPABILITY, "this call needs the client capability "
                    + capability + ", which the request's _meta does not declare",
                    Map.of("requiredCapabilities", Map.of(capability, Map.of())));
        }
        throw new InputRequired(key, method, params);
    }

    private static String capabilityOf(String method) {
        return switch (method) {
            case "elicitation/create" -> "elicitation";
            case "sampling/createMessage" -> "sampling";
            case "roots/list" -> "roots";
            default -> method;
        };
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
