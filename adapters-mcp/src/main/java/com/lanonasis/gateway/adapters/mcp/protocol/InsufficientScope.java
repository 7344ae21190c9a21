package com.lanonasis.gateway.adapters.mcp.protocol;

import com.lanonasis.gateway.domain.shared.Scope;

/**
 * The caller may not make this call with the credential it sent. HTTP transports answer 403
 * with {@code WWW-Authenticate: Bearer error="insufficient_scope"} so the client can step up;
 * the WebSocket answers a JSON-RPC error.
 */
public final class InsufficientScope extends McpException {

    private final Scope required;

    public InsufficientScope(Scope required) {
        super(JsonRpc.INSUFFICIENT_SCOPE, "insufficient_scope: this credential lacks the scope " + required.value(),
                java.util.Map.of("error", "insufficient_scope", "scope", required.value()));
        this.required = required;
    }

    public Scope required() {
        return required;
    }
}
