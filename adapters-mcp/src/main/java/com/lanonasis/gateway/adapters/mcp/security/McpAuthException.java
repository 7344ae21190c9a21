package com.lanonasis.gateway.adapters.mcp.security;

import io.micronaut.http.HttpStatus;

/** An MCP or tools request refused before it reached the protocol: 401 or 403 with a challenge. */
public final class McpAuthException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final String challenge;

    public McpAuthException(HttpStatus status, String error, String message, String challenge) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.challenge = challenge;
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String challenge() {
        return challenge;
    }
}
