package com.lanonasis.gateway.application.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The authorization server's configuration.
 *
 * @param issuer           our issuer identifier, the public base URL (no trailing slash)
 * @param resources        the resource URIs (RFC 8707) tokens may be issued for
 * @param opaqueAccessTokens true for random opaque access tokens instead of JWTs
 */
public record OAuthSettings(String issuer, Duration codeLifetime, Duration accessTokenLifetime,
                            Duration refreshTokenLifetime, Duration deviceCodeLifetime, Duration deviceInterval,
                            Duration consentLifetime, List<String> resources, boolean opaqueAccessTokens,
                            int maxDynamicClients) {

    public OAuthSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        resources = List.copyOf(resources);
    }

    /** The audience of tokens requested without a resource: this service's own API. */
    public String defaultAudience() {
        return issuer;
    }
}
