package com.lanonasis.gateway.adapters.mcp.upstream;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-RPC errors the gateway answers for an upstream that cannot (server error range, JSON-RPC 2.0 §5.1). */
final class UpstreamErrors {

    /** The upstream could not be reached, or did not answer in time. */
    static final int UPSTREAM_UNAVAILABLE = -32001;
    /** The upstream was reached but failed (refused the gateway, its process died, a limit was reached). */
    static final int UPSTREAM_FAILED = -32002;

    private UpstreamErrors() {
    }

    static MutableHttpResponse<?> rpcError(HttpStatus status, Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
