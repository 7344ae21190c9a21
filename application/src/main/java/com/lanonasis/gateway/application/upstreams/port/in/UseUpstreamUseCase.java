package com.lanonasis.gateway.application.upstreams.port.in;

import com.lanonasis.gateway.application.auth.port.in.ProtectedResource;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Reaching an upstream MCP server through the gateway: which upstream a path names, which
 * credentials it accepts, and whether its policy lets a verified caller in.
 */
public interface UseUpstreamUseCase {

    /** The enabled upstream of this name; empty for unknown or disabled ones (→ 404). */
    Optional<Upstream> enabled(String name);

    /** Every upstream, configured and administered, enabled or not (health, metrics). */
    List<Upstream> all();

    /**
     * The upstream as a protected resource: OAuth tokens whose {@code aud} is its canonical URI
     * ({@code <issuer>/servers/<name>/mcp}) and, if its policy says so, API keys. Nothing else: not
     * the gateway's own tokens, not another upstream's, not login JWTs.
     */
    ProtectedResource resource(Upstream upstream);

    /** The canonical resource URI of the upstream. */
    String resourceUri(Upstream upstream);

    /** Why the policy refuses {@code caller}, or empty. */
    Optional<UpstreamPolicy.Refusal> refusal(Upstream upstream, Principal caller);

    /** True when {@code resource} is the canonical URI of an enabled upstream (RFC 8707 at the AS). */
    boolean isUpstreamResource(String resource);
}
