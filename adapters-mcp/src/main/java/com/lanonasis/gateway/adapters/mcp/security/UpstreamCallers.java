package com.lanonasis.gateway.adapters.mcp.security;

import com.lanonasis.gateway.adapters.http.shared.Credentials;
import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.http.shared.RequestAttributes;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.auth.port.in.WatchCredentialUseCase;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamPolicy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Verifies the caller of an upstream MCP server ({@code /servers/<name>/mcp}), each upstream being a
 * protected resource of its own: OAuth tokens issued for exactly its canonical URI (RFC 8707; a
 * token for the gateway or another upstream is refused), API keys only when its policy accepts them,
 * then its policy (scopes, users, e-mail patterns). Failures carry the RFC 9728 challenge that
 * points at the upstream's own protected-resource metadata. The credential read here is never
 * handed on: the proxy builds the upstream request from the verified {@link Principal}.
 */
@Singleton
public final class UpstreamCallers {

    /** What a client is told to ask for when the upstream's policy names no scope. */
    static final String DEFAULT_SCOPE = "mcp:tools";

    private final AuthenticateUseCase authenticate;
    private final WatchCredentialUseCase live;
    private final UseUpstreamUseCase upstreams;
    private final String base;

    UpstreamCallers(AuthenticateUseCase authenticate, WatchCredentialUseCase live, UseUpstreamUseCase upstreams,
                    PublicUrl publicUrl) {
        this.authenticate = authenticate;
        this.live = live;
        this.upstreams = upstreams;
        this.base = publicUrl.base();
    }

    public String base() {
        return base;
    }

    /** {@code <issuer>/.well-known/oauth-protected-resource/servers/<name>/mcp} (RFC 9728 §3.1, path-suffixed). */
    public String metadataUrl(Upstream upstream) {
        return base + "/.well-known/oauth-protected-resource" + upstream.name().path();
    }

    /** The scopes a client should request for this upstream. */
    public String scopes(Upstream upstream) {
        String required = upstream.policy().requiredScopes().spaceDelimited();
        return required.isEmpty() ? DEFAULT_SCOPE : required;
    }

    /** The verified caller, admitted by the upstream's policy; otherwise {@link McpAuthException} (401/403). */
    public Principal require(HttpRequest<?> request, Upstream upstream) {
        Optional<Credential> presented = Credentials.presented(request);
        String resource = upstreams.resourceUri(upstream);
        if (presented.isEmpty()) {
            throw new McpAuthException(HttpStatus.UNAUTHORIZED, "authentication_required",
                    "send Authorization: Bearer <token> with a token issued for " + resource, challenge(upstream, null));
        }
        Authentication result = authenticate.authenticate(presented.get(), upstreams.resource(upstream));
        if (!(result instanceof Authentication.Authenticated authenticated)) {
            Authentication.CredentialProblem problem = ((Authentication.Unauthenticated) result).problem();
            boolean apiKey = presented.get() instanceof Credential.ApiKey;
            if (problem == Authentication.CredentialProblem.NOT_FOR_THIS_RESOURCE) {
                throw new McpAuthException(HttpStatus.UNAUTHORIZED, "invalid_token", apiKey
                        ? "this upstream does not accept API keys; use an OAuth token issued for " + resource
                        : "this token was not issued for " + resource + "; request one with resource=" + resource,
                        challenge(upstream, "invalid_token"));
            }
            throw new McpAuthException(HttpStatus.UNAUTHORIZED, apiKey ? "invalid_api_key" : "invalid_token",
                    apiKey ? "the API key is unknown, revoked, expired or incomplete" : "the token is invalid or expired",
                    challenge(upstream, apiKey ? null : "invalid_token"));
        }
        Principal caller = authenticated.principal();
        RequestAttributes.CALLER.set(request, caller);
        Optional<UpstreamPolicy.Refusal> refusal = upstreams.refusal(upstream, caller);
        if (refusal.isPresent()) {
            UpstreamPolicy.Refusal why = refusal.get();
            if (why.reason() == UpstreamPolicy.Refusal.Reason.MISSING_SCOPE) {
                throw new McpAuthException(HttpStatus.FORBIDDEN, "insufficient_scope", why.message(),
                        "Bearer error=\"insufficient_scope\", scope=\"" + scopes(upstream) + "\", resource_metadata=\""
                                + metadataUrl(upstream) + "\"");
            }
            throw new McpAuthException(HttpStatus.FORBIDDEN, "user_not_allowed", why.message(),
                    "Bearer resource_metadata=\"" + metadataUrl(upstream) + "\"");
        }
        return caller;
    }

    /**
     * The stream, ended as soon as the credential of the request that opened it stops being valid for
     * this upstream (revoked, expired, account disabled): long-lived upstream streams are judged at use
     * time like the gateway's own. Ending it cancels the relay, which closes the upstream connection.
     */
    public <T> Flux<T> untilCredentialLost(HttpRequest<?> request, Upstream upstream, Flux<T> stream) {
        Optional<Credential> presented = Credentials.presented(request);
        if (presented.isEmpty()) {
            return stream;
        }
        return Flux.defer(() -> {
            Sinks.One<Boolean> lost = Sinks.one();
            WatchCredentialUseCase.Watch watch = live.watch(presented.get(), upstreams.resource(upstream),
                    problem -> lost.tryEmitValue(Boolean.TRUE));
            return stream.takeUntilOther(lost.asMono()).doFinally(signal -> watch.stop());
        });
    }

    private String challenge(Upstream upstream, String error) {
        return "Bearer resource_metadata=\"" + metadataUrl(upstream) + "\", scope=\"" + scopes(upstream) + "\""
                + (error == null ? "" : ", error=\"" + error + "\"");
    }
}
