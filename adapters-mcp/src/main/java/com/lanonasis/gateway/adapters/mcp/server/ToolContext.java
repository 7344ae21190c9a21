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
    private final Map<String, Object> requestState;
    private final McpSession.LogLevel requestLogLevel;

    public ToolContext(McpCall call, Object progressToken) {
        this(call, progressToken, Map.of());
    }

    /** @param inputResponses the client's answers to earlier input requests (2026-07-28 retries), by key */
    public ToolContext(McpCall call, Object progressToken, Map<String, Object> inputResponses) {
        this(call, progressToken, inputResponses, Map.of(), null);
    }

    /**
     * @param requestState    the verified state the previous round left (2026-07-28), empty on the first round
     * @param requestLogLevel the log level a 2026-07-28 request asked for in its _meta; null: no log lines
     */
    public ToolContext(McpCall call, Object progressToken, Map<String, Object> inputResponses,
                       Map<String, Object> requestState, McpSession.LogLevel requestLogLevel) {
        this.call = call;
        this.progressToken = progressToken;
        this.inputResponses = inputResponses == null ? Map.of() : inputResponses;
        this.requestState = requestState == null ? Map.of() : requestState;
        this.requestLogLevel = requestLogLevel;
    }

    /** What the previous round of this call left in its requestState (2026-07-28); empty on the first round. */
    public Map<String, Object> requestState() {
        return requestState;
    }

    /** The client's answer under {@code key} in this round's inputResponses, when it is an object. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<Map<String, Object>> answer(String key) {
        return inputResponses.get(key) instanceof Map<?, ?> answer
                ? java.util.Optional.of((Map<String, Object>) answer) : java.util.Optional.empty();
    }

    /**
     * Ends this round with an InputRequiredResult (2026-07-28): {@code requests} by key, each built
     * with {@link #request}; {@code state} (may be null) comes back verified on the next round.
     */
    public RuntimeException inputRequired(Map<String, Object> requests, Map<String, Object> state) {
        return new InputRequired(requests, state);
    }

    /** One input request of an InputRequiredResult. */
    public static Map<String, Object> request(String method, Map<String, Object> params) {
        return InputRequired.request(method, params);
    }

    /** True on a 2026-07-28 request, where questions go back in an InputRequiredResult. */
    public boolean stateless() {
        return call.stateless();
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
        requireCapability(method);
        throw new InputRequired(Map.of(key, InputRequired.request(method, params)), null);
    }

    /** -32021 (MissingRequiredClientCapability) unless the client can be asked with this method. */
    public void requireCapability(String method) {
        if (!canAsk(method)) {
            String capability = capabilityOf(method);
            throw new McpException(JsonRpc.MISSING_CLIENT_CAPABILITY, "this call needs the client capability "
                    + capability + ", which the request's _meta does not declare",
                    Map.of("requiredCapabilities", Map.of(capability, Map.of())));
        }
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

    /**
     * Sends notifications/message if the session's level lets it through; on 2026-07-28 only when
     * the request's _meta asked for log lines at this level or below.
     */
    public void log(McpSession.LogLevel level, String logger, Object data) {
        McpSession session = call.session();
        if (session != null && level.compareTo(session.logLevel()) < 0) {
            return;
        }
        if (call.stateless() && (requestLogLevel == null || level.compareTo(requestLogLevel) < 0)) {
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
