package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** RFC 8707 resource indicators: which resources exist here, and what a token's audience becomes. */
public final class Resources {

    private final OAuthSettings settings;
    private final Predicate<String> upstreams;

    /** @param upstreams true for the canonical URI of an upstream MCP server fronted by this gateway (issue 14) */
    /** Only the configured resources (no upstream MCP servers). */
    public Resources(OAuthSettings settings) {
        this(settings, resource -> false);
    }

    /**
     * @param upstreams true for the canonical URI of an enabled upstream MCP server: accepted as an
     *                  RFC 8707 {@code resource} besides the configured ones
     */
    public Resources(OAuthSettings settings, Predicate<String> upstreams) {
        this.settings = settings;
        this.upstreams = upstreams;
    }

    /** An error when any requested resource is not an absolute URI without fragment, or not one of ours. */
    Optional<OAuthError> checkKnown(List<String> requested) {
        for (String resource : requested) {
            if (!isAbsoluteWithoutFragment(resource)) {
                return Optional.of(OAuthError.invalidTarget("resource must be an absolute URI without a fragment"));
            }
            if (!settings.resources().contains(resource) && !upstreams.test(resource)) {
                return Optional.of(OAuthError.invalidTarget("unknown resource: " + resource));
            }
        }
        return Optional.empty();
    }

    /** What the grant allows: the resources the user authorized, or this service's own API. */
    List<String> authorizedBy(List<String> granted) {
        return granted.isEmpty() ? List.of(settings.defaultAudience()) : granted;
    }

    /**
     * The audience of a token from a grant: the requested resources if all were authorized, the
     * whole authorized set when none is requested, otherwise empty (→ invalid_target).
     */
    Optional<List<String>> audience(List<String> requested, List<String> granted) {
        List<String> authorized = authorizedBy(granted);
        if (requested.isEmpty()) {
            return Optional.of(authorized);
        }
        return authorized.containsAll(requested) ? Optional.of(List.copyOf(requested)) : Optional.empty();
    }

    private static boolean isAbsoluteWithoutFragment(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
