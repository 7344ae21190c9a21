package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.adapters.http.shared.Origins;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;

/**
 * CORS from an allow-list ({@code ONASIS_CORS_ALLOWED_ORIGINS}): exact origins, or
 * {@code scheme://host:*} for any port of that host (development on localhost). A listed origin
 * gets itself back with credentials allowed; any other gets no CORS header at all, so a browser
 * keeps the response from it. Preflights are answered here for every route. (Micronaut's own CORS
 * cannot express "any port of this host" without a regex per entry, and reflects on match only
 * per configuration group; one small filter is clearer.)
 */
@Context // built at start-up, so a malformed allow-list stops the start (one line), not the first request
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CorsFilter implements Ordered {

    static final String SETTING = "ONASIS_CORS_ALLOWED_ORIGINS (onasis.edge.cors.allowed-origins)";
    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String HEADERS = "Authorization, Content-Type, X-API-Key, X-Request-ID, "
            + "MCP-Protocol-Version, Mcp-Session-Id, Last-Event-ID, Accept";
    private static final String EXPOSED = "X-Request-ID, Mcp-Session-Id, WWW-Authenticate, Retry-After, "
            + "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";

    private final List<Origins.Pattern> allowed;

    CorsFilter(@Value("${onasis.edge.cors.allowed-origins:}") List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().filter(entry -> !entry.isBlank())
                .map(entry -> Origins.Pattern.parse(SETTING, entry)).toList();
    }

    /** True when the request's {@code Origin} matches an entry of the allow-list ({@link Origins}: normalised). */
    boolean allowed(String origin) {
        return allowed.stream().anyMatch(pattern -> pattern.matches(origin));
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (!"OPTIONS".equals(request.getMethodName()) || origin == null
                || request.getHeaders().get("Access-Control-Request-Method") == null) {
            return null;
        }
        if (!allowed(origin)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).header("Vary", "Origin");
        }
        return allow(HttpResponse.noContent(), origin)
                .header("Access-Control-Allow-Methods", METHODS)
                .header("Access-Control-Allow-Headers", HEADERS)
                .header("Access-Control-Max-Age", "600");
    }

    @ResponseFilter
    void decorate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get("Origin");
        if (origin == null || response.getHeaders().contains("Access-Control-Allow-Origin")) {
            return;
        }
        if (allowed(origin)) {
            allow(response, origin).header("Access-Control-Expose-Headers", EXPOSED);
        } else {
            response.header("Vary", "Origin");
        }
    }

    private static <T> MutableHttpResponse<T> allow(MutableHttpResponse<T> response, String origin) {
        return response.header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Vary", "Origin");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after() + 5;
    }
}
