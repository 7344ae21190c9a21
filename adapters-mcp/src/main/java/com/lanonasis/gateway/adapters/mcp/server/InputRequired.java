package com.lanonasis.gateway.adapters.mcp.server;

import java.util.Map;

/**
 * A tool needs the client (the user, a model, its roots) before it can finish, on a revision
 * without server-to-client requests (2026-07-28): the call is answered with an
 * {@code InputRequiredResult} naming what is needed, and the client repeats the call with the
 * answers in {@code inputResponses} (MRTR, SEP-2322).
 */
final class InputRequired extends RuntimeException {

    private final String key;
    private final String method;
    private final transient Map<String, Object> params;

    InputRequired(String key, String method, Map<String, Object> params) {
        super(method + " needed", null, false, false);
        this.key = key;
        this.method = method;
        this.params = params;
    }

    /** The InputRequiredResult: resultType input_required and the one input request. */
    Map<String, Object> toResult() {
        return Map.of("resultType", "input_required",
                "inputRequests", Map.of(key, Map.of("method", method, "params", params)));
    }
}
