package com.lanonasis.gateway.adapters.mcp.security;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728): for the MCP endpoint at the path-suffixed
 * well-known URI, and for the service root at the plain one. Both name this service as the
 * authorization server.
 */
@Controller
final class ProtectedResourceController {

    private static final List<String> SCOPES = List.of("memories:read", "memories:write", "memories:delete",
            "api-keys:read", "api-keys:write", "mcp:full");

    private final McpCallers callers;

    ProtectedResourceController(McpCallers callers) {
        this.callers = callers;
    }

    @Get("/.well-known/oauth-protected-resource/mcp")
    HttpResponse<Map<String, Object>> mcp() {
        return metadata(callers.resource(), "Onasis memory (MCP)");
    }

    @Get("/.well-known/oauth-protected-resource")
    HttpResponse<Map<String, Object>> root() {
        return metadata(callers.base(), "Onasis gateway API");
    }

    private HttpResponse<Map<String, Object>> metadata(String resource, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", resource);
        body.put("authorization_servers", List.of(callers.base()));
        body.put("scopes_supported", SCOPES);
        body.put("bearer_methods_supported", List.of("header"));
        body.put("resource_name", name);
        return HttpResponse.ok(body).header("Cache-Control", "public, max-age=3600");
    }
}
