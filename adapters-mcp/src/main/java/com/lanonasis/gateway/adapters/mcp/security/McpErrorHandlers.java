package com.lanonasis.gateway.adapters.mcp.security;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.mcp.protocol.InsufficientScope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 401 and 403 of the MCP endpoints: the service's error body plus the RFC 6750/9728 challenge. */
final class McpErrorHandlers {

    private McpErrorHandlers() {
    }

    static HttpResponse<ErrorBody> refuse(HttpRequest<?> request, HttpStatus status, String error,
                                          String message, String challenge) {
        return ErrorBody.response(request, status, error, message).header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    @Singleton
    @Requires(classes = McpAuthException.class)
    static final class Unauthenticated implements ExceptionHandler<McpAuthException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, McpAuthException exception) {
            return refuse(request, exception.status(), exception.error(), exception.getMessage(),
                    exception.challenge());
        }
    }

    @Singleton
    static final class Forbidden implements ExceptionHandler<InsufficientScope, HttpResponse<ErrorBody>> {

        private final McpCallers callers;

        Forbidden(McpCallers callers) {
            this.callers = callers;
        }

        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, InsufficientScope exception) {
            return refuse(request, HttpStatus.FORBIDDEN, "insufficient_scope",
                    "this credential lacks the scope " + exception.required().value(),
                    callers.stepUp(exception.required().value()));
        }
    }
}
