package com.lanonasis.gateway.adapters.mcp.upstream;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** No enabled upstream of that name: 404 before any authentication (names are not secrets; the list is in the route map). */
final class UpstreamNotFound extends RuntimeException {

    UpstreamNotFound(String name) {
        super("no upstream MCP server named " + name, null, false, false);
    }

    @Singleton
    static final class Handler implements ExceptionHandler<UpstreamNotFound, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, UpstreamNotFound exception) {
            return ErrorBody.response(request, HttpStatus.NOT_FOUND, "not_found", exception.getMessage());
        }
    }
}
