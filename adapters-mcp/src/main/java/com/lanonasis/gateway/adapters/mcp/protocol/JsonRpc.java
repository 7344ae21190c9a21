package com.lanonasis.gateway.adapters.mcp.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-RPC 2.0 messages as plain maps, the shape every MCP transport carries. */
public final class JsonRpc {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: the resource named in resources/read does not exist. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** This server: the credential lacks the scope the call needs (transports without an HTTP status). */
    public static final int INSUFFICIENT_SCOPE = -32003;
    /** MCP 2026-07-28: HTTP headers missing, malformed or not matching the body (HTTP 400). */
    public static final int HEADER_MISMATCH = -32020;
    /** MCP 2026-07-28: the request needs a client capability its {@code _meta} did not declare. */
    public static final int MISSING_CLIENT_CAPABILITY = -32021;
    /** MCP 2026-07-28: the requested protocol version is not spoken here; data lists the supported ones. */
    public static final int UNSUPPORTED_VERSION = -32022;

    private JsonRpc() {
    }

    public static Map<String, Object> result(Object id, Object result) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("result", result);
        return message;
    }

    public static Map<String, Object> error(Object id, int code, String text) {
        return error(id, code, text, null);
    }

    public static Map<String, Object> error(Object id, int code, String text, Object data) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", text);
        if (data != null) {
            error.put("data", data);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("error", error);
        return message;
    }

    public static Map<String, Object> request(Object id, String method, Object params) {
        Map<String, Object> message = notification(method, params);
        message.put("id", id);
        return message;
    }

    public static Map<String, Object> notification(String method, Object params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("method", method);
        if (params != null) {
            message.put("params", params);
        }
        return message;
    }

    /** What a parsed message is; anything that is none of these is an invalid request. */
    public enum Kind { REQUEST, NOTIFICATION, RESPONSE, INVALID }

    public static Kind kindOf(Object parsed) {
        if (!(parsed instanceof Map<?, ?> message) || !"2.0".equals(message.get("jsonrpc"))) {
            return Kind.INVALID;
        }
        boolean hasId = message.containsKey("id") && validId(message.get("id"));
        Object method = message.get("method");
        if (method instanceof String) {
            return message.containsKey("id") ? (hasId ? Kind.REQUEST : Kind.INVALID) : Kind.NOTIFICATION;
        }
        if (method == null && hasId && (message.containsKey("result") || message.containsKey("error"))) {
            return Kind.RESPONSE;
        }
        return Kind.INVALID;
    }

    /** The id of a request, if it has a usable one, to answer an invalid request with. */
    public static Object idOf(Object parsed) {
        if (parsed instanceof Map<?, ?> message && validId(message.get("id"))) {
            return message.get("id");
        }
        return null;
    }

    private static boolean validId(Object id) {
        return id instanceof String || id instanceof Number;
    }
}
