package com.lanonasis.gateway.adapters.mcp.upstream;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.mcp.security.UpstreamCallers;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) of each upstream MCP server, at the
 * path-suffixed well-known URI of its public URL: its own {@code resource} (the audience its tokens
 * carry), this service as authorization server, and the scopes its policy requires.
 */
@Controller
final class UpstreamMetadataController {

    private final UseUpstreamUseCase upstreams;
    private final UpstreamCallers callers;

    UpstreamMetadataController(UseUpstreamUseCase upstreams, UpstreamCallers callers) {
        this.upstreams = upstreams;
        this.callers = callers;
    }

    @Get("/.well-known/oauth-protected-resource/servers/{name}/mcp")
    HttpResponse<?> metadata(HttpRequest<?> request, @PathVariable String name) {
        Optional<Upstream> found = upstreams.enabled(name);
        if (found.isEmpty()) {
            return ErrorBody.response(request, HttpStatus.NOT_FOUND, "not_found", "no upstream MCP server named " + name);
        }
        Upstream upstream = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", upstreams.resourceUri(upstream));
        body.put("authorization_servers", List.of(callers.base()));
        body.put("scopes_supported", List.of(callers.scopes(upstream).split(" ")));
        body.put("bearer_methods_supported", List.of("header"));
        body.put("resource_name", upstream.title());
        return HttpResponse.ok(body).header("Cache-Control", "public, max-age=300");
    }
}
