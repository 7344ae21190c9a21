package com.lanonasis.gateway.adapters.mcp.upstream;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A request to an upstream from a Host or Origin this service does not serve: 403 JSON-RPC error, nothing relayed. */
final class UpstreamRefusedOrigin extends RuntimeException {

    UpstreamRefusedOrigin(String reason) {
        super(reason, null, false, false);
    }

    @Singleton
    static final class Handler implements ExceptionHandler<UpstreamRefusedOrigin, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UpstreamRefusedOrigin exception) {
            return UpstreamErrors.rpcError(HttpStatus.FORBIDDEN, null, -32600, "Forbidden: " + exception.getMessage());
        }
    }
}
