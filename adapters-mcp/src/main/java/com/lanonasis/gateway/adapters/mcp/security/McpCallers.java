package com.lanonasis.gateway.adapters.mcp.security;

import com.lanonasis.gateway.adapters.http.shared.Credentials;
import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.http.shared.RequestAttributes;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResource;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResources;
import com.lanonasis.gateway.application.auth.port.in.WatchCredentialUseCase;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and verifies the credential of an MCP request: {@code X-API-Key}, or an OAuth bearer
 * token whose {@code aud} names this server's MCP resource (RFC 8707; no token passthrough); a
 * login JWT only when {@code onasis.mcp.accept-login-tokens} is set. What is accepted is the
 * application's {@link ProtectedResources#mcp()} rule. Failures carry the RFC 9728 challenge that
 * sends a client to the protected-resource metadata.
 */
@Singleton
public final class McpCallers {

    /** What a client should ask for to use the memory tools; delete and key tools step up with 403. */
    static final String BASELINE_SCOPES = "memories:read memories:write";

    private final AuthenticateUseCase authenticate;
    private final WatchCredentialUseCase live;
    private final FallbackCredential fallback;
    private final ProtectedResource mcp;
    private final ProtectedResource api;
    private final String base;
    private final String resource;

    McpCallers(AuthenticateUseCase authenticate, WatchCredentialUseCase live, ProtectedResources resources,
               PublicUrl publicUrl, @Nullable FallbackCredential fallback) {
        this.authenticate = authenticate;
        this.live = live;
        this.fallback = fallback;
        this.mcp = resources.mcp();
        this.api = resources.api();
        this.base = publicUrl.base();
        this.resource = publicUrl.resolve("/mcp");
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
        return remembered(request, require(presented(request), mcp));
    }

    /**
     * The verified caller of a WebSocket upgrade. Browsers and the TypeScript SDK's WebSocket
     * transport cannot set headers on an upgrade, so there the credential may also come as the
     * {@code access_token} or {@code api_key} query parameter (RFC 6750 §2.3). The caller and the
     * credential are kept on the request ({@link RequestAttributes#CALLER},
     * {@link RequestAttributes#UPGRADE_CREDENTIAL}) for the socket to check again later.
     */
    public Principal requireAtUpgrade(HttpRequest<?> request) {
        Optional<Credential> credential = presentedAtUpgrade(request);
        Principal caller = remembered(request, require(credential, mcp));
        RequestAttributes.UPGRADE_CREDENTIAL.set(request, withFallback(credential).orElseThrow());
        return caller;
    }

    /**
     * The caller behind a credential a connection was opened with, verified again now (before a
     * WebSocket message is acted on): current role and scopes, or {@link McpAuthException} once the
     * credential is revoked, expired or no longer accepted.
     */
    public Principal reverify(Credential credential) {
        Authentication result = authenticate.authenticate(credential, mcp);
        if (result instanceof Authentication.Authenticated authenticated) {
            return authenticated.principal();
        }
        throw new McpAuthException(HttpStatus.UNAUTHORIZED, "invalid_token",
                reason(((Authentication.Unauthenticated) result).problem()), challenge("invalid_token"));
    }

    /**
     * Re-checks, on every period, the credential of a long-lived MCP connection; {@code onLost}
     * runs once with a short reason when it fails. Run the returned handle when the connection ends.
     */
    public Runnable watch(Credential credential, Consumer<String> onLost) {
        return live.watch(credential, mcp, problem -> onLost.accept(reason(problem)))::stop;
    }

    /** {@link #watch(Credential, Consumer)} for the credential this request presented. */
    public Runnable watch(HttpRequest<?> request, Consumer<String> onLost) {
        return watch(withFallback(presented(request)).orElseThrow(), onLost);
    }

    /** The verified caller of the REST view of the tools, which accepts what the REST API accepts. */
    public Principal requireForRest(HttpRequest<?> request) {
        return remembered(request, require(presented(request), api));
    }

    /** Why a connection is closed, for the last words it sends. */
    public static String reason(Authentication.CredentialProblem problem) {
        return switch (problem) {
            case EXPIRED -> "credential expired";
            case NOT_FOR_THIS_RESOURCE -> "credential no longer accepted here";
            default -> "credential revoked";
        };
    }

    private static Optional<Credential> presented(HttpRequest<?> request) {
        return Credentials.presented(request);
    }

    private static Optional<Credential> presentedAtUpgrade(HttpRequest<?> request) {
        Optional<Credential> credential = presented(request);
        if (credential.isEmpty()) {
            String apiKey = request.getParameters().get("api_key");
            String token = request.getParameters().get("access_token");
            credential = Credentials.of(apiKey, token == null ? null : "Bearer " + token);
        }
        return credential;
    }

    /** Leaves the caller where the access log (adapters-http edge) reads it: ids only, never the credential. */
    private static Principal remembered(HttpRequest<?> request, Principal caller) {
        RequestAttributes.CALLER.set(request, caller);
        return caller;
    }

    private Optional<Credential> withFallback(Optional<Credential> presented) {
        if (presented.isEmpty() && fallback != null) {
            return Credentials.of(fallback.apiKey(), null);
        }
        return presented;
    }

    private Principal require(Optional<Credential> presented, ProtectedResource target) {
        Credential credential = withFallback(presented).orElseThrow(() -> new McpAuthException(
                HttpStatus.UNAUTHORIZED, "authentication_required",
                "send Authorization: Bearer <token> or X-API-Key: pk_<id>.sk_<secret>", challenge(null)));
        Authentication result = authenticate.authenticate(credential, target);
        if (result instanceof Authentication.Authenticated authenticated) {
            return authenticated.principal();
        }
        Authentication.CredentialProblem problem = ((Authentication.Unauthenticated) result).problem();
        if (problem == Authentication.CredentialProblem.NOT_FOR_THIS_RESOURCE) {
            throw new McpAuthException(HttpStatus.UNAUTHORIZED, "invalid_token",
                    "this token was not issued for " + (target == mcp ? resource : base + "/api/v1")
                            + "; request one with resource=" + (target == mcp ? resource : base + "/api/v1")
                            + ", or use an API key", challenge("invalid_token"));
        }
        boolean apiKey = credential.match(bearer -> false, key -> true, cookie -> false);
        throw new McpAuthException(HttpStatus.UNAUTHORIZED, apiKey ? "invalid_api_key" : "invalid_token",
                apiKey ? "the API key is unknown, revoked, expired or incomplete" : "the token is invalid or expired",
                apiKey ? challenge(null) : challenge("invalid_token"));
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
