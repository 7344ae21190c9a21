package com.lanonasis.gateway.adapters.mcp.protocol;

/** A protocol-level failure, answered as a JSON-RPC error with this code. */
public class McpException extends RuntimeException {

    private final int code;
    private final transient Object data;

    public McpException(int code, String message) {
        this(code, message, null);
    }

    public McpException(int code, String message, Object data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    public Object data() {
        return data;
    }

    public static McpException invalidParams(String message) {
        return new McpException(JsonRpc.INVALID_PARAMS, message);
    }
}
