package com.lanonasis.gateway.adapters.mcp.security;

import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and verifies the credential of an MCP request: {@code X-API-Key}, or an OAuth bearer
 * token whose {@code aud} names this server's MCP resource (RFC 8707; no token passthrough).
 * Failures carry the RFC 9728 challenge that sends a client to the protected-resource metadata.
 */
@Singleton
public final class McpCallers {

    /** What a client should ask for to use the memory tools; delete and key tools step up with 403. */
    static final String BASELINE_SCOPES = "memories:read memories:write";
    /** The request attribute the access log reads the caller from (AccessLogFilter.CALLER). */
    private static final String CALLER_ATTRIBUTE = "onasis.caller";

    private final AuthenticateUseCase authenticate;
    private final FallbackCredential fallback;
    private final String base;
    private final String resource;

    McpCallers(AuthenticateUseCase authenticate, @Value("${onasis.issuer}") String issuer,
               @Nullable FallbackCredential fallback) {
        this.authenticate = authenticate;
        this.fallback = fallback;
        this.base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.resource = base + "/mcp";
    }

    /** The MCP resource URI tokens must be issued for. */
    public String resource() {
        return resource;
    }

    public String base() {
        return base;
    }

    public String metadataUrl() {
        return base + "/.well-known/oauth-protected-resource/mcp";
    }

    /** The verified caller of an MCP transport request. */
    public Principal require(HttpRequest<?> request) {
        return remembered(request, require(Credential.fromHeaders(request.getHeaders().get("X-API-Key"),
                request.getHeaders().getAuthorization().orElse(null)), Set.of(resource, resource + "/")));
    }

    /**
     * The verified caller of a WebSocket upgrade. Browsers and the TypeScript SDK's WebSocket
     * transport cannot set headers on an upgrade, so there the credential may also come as the
     * {@code access_token} or {@code api_key} query parameter (RFC 6750 §2.3).
     */
    public Principal requireAtUpgrade(HttpRequest<?> request) {
        Optional<Credential> credential = Credential.fromHeaders(request.getHeaders().get("X-API-Key"),
                request.getHeaders().getAuthorization().orElse(null));
        if (credential.isEmpty()) {
            String apiKey = request.getParameters().get("api_key");
            String token = request.getParameters().get("access_token");
            credential = Credential.fromHeaders(apiKey, token == null ? null : "Bearer " + token);
        }
        return remembered(request, require(credential, Set.of(resource, resource + "/")));
    }

    /** The verified caller of the REST view of the tools, which accepts REST-audience tokens. */
    public Principal requireForRest(HttpRequest<?> request) {
        return remembered(request, require(Credential.fromHeaders(request.getHeaders().get("X-API-Key"),
                request.getHeaders().getAuthorization().orElse(null)), Set.of(base, base + "/", base + "/api/v1")));
    }

    /** Leaves the caller where the access log (adapters-http edge) reads it: ids only, never the credential. */
    private static Principal remembered(HttpRequest<?> request, Principal caller) {
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        return caller;
    }

    private Principal require(Optional<Credential> presented, Set<String> audiences) {
        if (presented.isEmpty() && fallback != null) {
            presented = Credential.fromHeaders(fallback.apiKey(), null);
        }
        Credential credential = presented.orElseThrow(() -> new McpAuthException(HttpStatus.UNAUTHORIZED,
                "authentication_required", "send Authorization: Bearer <token> or X-API-Key: pk_<id>.sk_<secret>",
                challenge(null)));
        Authentication result = authenticate.authenticate(credential);
        if (!(result instanceof Authentication.Authenticated authenticated)) {
            boolean apiKey = credential instanceof Credential.ApiKey;
            throw new McpAuthException(HttpStatus.UNAUTHORIZED, apiKey ? "invalid_api_key" : "invalid_token",
                    apiKey ? "the API key is unknown, revoked, expired or incomplete" : "the token is invalid or expired",
                    apiKey ? challenge(null) : challenge("invalid_token"));
        }
        Principal caller = authenticated.principal();
        if (caller.via() == CredentialKind.OAUTH_TOKEN && caller.audience().stream().noneMatch(audiences::contains)) {
            throw new McpAuthException(HttpStatus.UNAUTHORIZED, "invalid_token",
                    "this token was issued for another resource; request one with resource=" + resource,
                    challenge("invalid_token"));
        }
        return caller;
    }

    private String challenge(String error) {
        return "Bearer resource_metadata=\"" + metadataUrl() + "\", scope=\"" + BASELINE_SCOPES + "\""
                + (error == null ? "" : ", error=\"" + error + "\"");
    }

    /** The 403 challenge for a call that needs {@code scope}. */
    public String stepUp(String scope) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\", resource_metadata=\"" + metadataUrl()
                + "\"";
    }
}
