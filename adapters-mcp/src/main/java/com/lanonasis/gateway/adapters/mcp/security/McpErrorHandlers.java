package com.lanonasis.gateway.adapters.mcp.security;

import com.lanonasis.gateway.adapters.mcp.protocol.InsufficientScope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** 401 and 403 of the MCP endpoints: the service's error body plus the RFC 6750/9728 challenge. */
final class McpErrorHandlers {

    /** Where the edge filter keeps the request id (adapters-http RequestIds). */
    private static final String REQUEST_ID = "onasis.request-id";

    private McpErrorHandlers() {
    }

    static HttpResponse<Map<String, Object>> refuse(HttpRequest<?> request, HttpStatus status, String error,
                                                    String message, String challenge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.put("request_id", request.getAttribute(REQUEST_ID, String.class).orElse(null));
        return HttpResponse.<Map<String, Object>>status(status).body(body)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    @Singleton
    @Requires(classes = McpAuthException.class)
    static final class Unauthenticated implements ExceptionHandler<McpAuthException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, McpAuthException exception) {
            return refuse(request, exception.status(), exception.error(), exception.getMessage(),
                    exception.challenge());
        }
    }

    @Singleton
    static final class Forbidden implements ExceptionHandler<InsufficientScope, HttpResponse<Map<String, Object>>> {

        private final McpCallers callers;

        Forbidden(McpCallers callers) {
            this.callers = callers;
        }

        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, InsufficientScope exception) {
            return refuse(request, HttpStatus.FORBIDDEN, "insufficient_scope",
                    "this credential lacks the scope " + exception.required().value(),
                    callers.stepUp(exception.required().value()));
        }
    }
}
