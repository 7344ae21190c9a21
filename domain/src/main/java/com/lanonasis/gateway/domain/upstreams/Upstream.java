package com.lanonasis.gateway.domain.upstreams;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An MCP server the gateway stands in front of: served at {@code /servers/<name>/mcp}, an OAuth
 * protected resource of its own (tokens for it carry {@code <issuer>/servers/<name>/mcp} in
 * {@code aud} and are good nowhere else), reached over HTTP or stdio.
 *
 * @param credential the gateway's own credential for the upstream; null for none
 * @param configured declared in configuration: read-only at run time
 * @param updatedAt  when an administrator last changed it; {@link Instant#EPOCH} for configured ones
 */
public record Upstream(UpstreamName name, String title, UpstreamTarget target, UpstreamPolicy policy,
                       UpstreamCredential credential, boolean enabled, boolean configured, Instant updatedAt) {

    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (title == null || title.isBlank()) {
            title = name.value();
        }
        com.lanonasis.gateway.domain.shared.PlainText.require("title", title, false);
        if (title.length() > 200) {
            throw new com.lanonasis.gateway.domain.shared.InvalidValue("title", "title must be at most 200 characters");
        }
    }

    public Optional<UpstreamCredential> upstreamCredential() {
        return Optional.ofNullable(credential);
    }

    /** The resource URI (RFC 8707) of this upstream under {@code issuer}: its public URL. */
    public String resource(String issuer) {
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + name.path();
    }

    public Upstream withEnabled(boolean enabled, Instant at) {
        return new Upstream(name, title, target, policy, credential, enabled, configured, at);
    }
}
