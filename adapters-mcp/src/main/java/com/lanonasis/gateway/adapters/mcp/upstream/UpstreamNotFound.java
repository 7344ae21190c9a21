package com.lanonasis.gateway.adapters.mcp.upstream;

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
    static final class Handler implements ExceptionHandler<UpstreamNotFound, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, UpstreamNotFound exception) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "not_found", "message", exception.getMessage()));
        }
    }
}
