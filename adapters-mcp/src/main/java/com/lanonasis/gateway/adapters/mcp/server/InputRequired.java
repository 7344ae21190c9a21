package com.lanonasis.gateway.adapters.mcp.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool (or prompt) needs the client (the user, a model, its roots) before it can finish, on a
 * revision without server-to-client requests (2026-07-28): the call is answered with an
 * {@code InputRequiredResult} naming what is needed, and the client repeats the call with the
 * answers in {@code inputResponses} (MRTR, SEP-2322), echoing {@code requestState} if there is one.
 */
final class InputRequired extends RuntimeException {

    private final transient Map<String, Object> requests;
    private final transient Map<String, Object> state;

    /**
     * @param requests the input requests by key, each {@code {method, params}}
     * @param state    what the next round needs to know (signed into requestState), or null for none
     */
    InputRequired(Map<String, Object> requests, Map<String, Object> state) {
        super("input needed", null, false, false);
        this.requests = requests;
        this.state = state;
    }

    static Map<String, Object> request(String method, Map<String, Object> params) {
        return Map.of("method", method, "params", params);
    }

    /** The InputRequiredResult: resultType input_required, the input requests and the signed state. */
    Map<String, Object> toResult(RequestStates states, String caller, String operation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultType", "input_required");
        result.put("inputRequests", requests);
        if (state != null) {
            result.put("requestState", states.issue(state, caller, operation));
        }
        return result;
    }
}
