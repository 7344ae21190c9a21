package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.mcp.security.McpCallers;
import com.lanonasis.gateway.adapters.mcp.security.OriginGuard;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * Checks Origin and the credential of a WebSocket upgrade before it happens: a refused upgrade
 * is an HTTP 401 or 403, not an open socket that closes at once. Every spelling the router
 * sends to the sockets (a trailing slash too) passes through here.
 */
@ServerFilter({"/ws", "/ws/", "/ws/**", "/mcp/ws", "/mcp/ws/", "/mcp/ws/**"})
final class WebSocketUpgradeFilter {

    private final McpCallers callers;
    private final OriginGuard guard;

    WebSocketUpgradeFilter(McpCallers callers, OriginGuard guard) {
        this.callers = callers;
        this.guard = guard;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String refusal = guard.refusal(request);
        if (refusal != null) {
            return ErrorBody.response(request, HttpStatus.FORBIDDEN, "forbidden", refusal);
        }
        callers.requireAtUpgrade(request); // leaves the caller and the credential on the request
        return null;
    }
}
