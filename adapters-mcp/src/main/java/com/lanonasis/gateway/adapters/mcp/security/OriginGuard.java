package com.lanonasis.gateway.adapters.mcp.security;

import com.lanonasis.gateway.adapters.mcp.config.McpSettings;
import jakarta.inject.Inject;
import com.lanonasis.gateway.adapters.http.shared.Origins;
import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DNS-rebinding protection for the MCP endpoints, the gateway's own and the upstreams' at
 * {@code /servers/<name>/mcp} (spec: servers MUST validate Origin). A request passes when its Host
 * is this service's public host, a loopback name or one of {@code onasis.mcp.allowed-hosts}, and its
 * Origin, if any, is this service, a loopback origin, or one of {@code onasis.mcp.allowed-origins}.
 */
@Context // built at start-up, so a malformed allowed origin stops the start (one line)
public final class OriginGuard {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> hosts = new HashSet<>(LOOPBACK);
    private final Set<String> origins = new HashSet<>();

    @Inject
    OriginGuard(PublicUrl publicUrl, McpSettings settings) {
        this(publicUrl, settings.allowedOrigins(), settings.allowedHosts());
    }

    OriginGuard(PublicUrl publicUrl, List<String> allowedOrigins, List<String> allowedHosts) {
        hosts.add(publicUrl.host());
        origins.add(publicUrl.origin());
        allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(entry -> Origins.of(entry).orElseThrow(() -> new IllegalArgumentException(
                        "ONASIS_MCP_ALLOWED_ORIGINS (onasis.mcp.allowed-origins): not an origin: " + entry)))
                .forEach(origins::add);
        allowedHosts.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).forEach(hosts::add);
    }

    /** Why the request must be refused, or null when it may proceed. */
    public String refusal(HttpRequest<?> request) {
        String host = request.getHeaders().get("Host");
        if (host != null && !hosts.contains(hostName(host))) {
            return "the Host header names a host this server does not serve";
        }
        String origin = request.getHeaders().get("Origin");
        if (origin == null || origin.isBlank()) {
            return null;
        }
        Optional<String> normalised = Origins.of(origin);
        if (normalised.isEmpty()) {
            return malformed(origin) ? "the Origin header is malformed"
                    : "requests from origin " + origin + " are not allowed";
        }
        if (origins.contains(normalised.get()) || Origins.isLoopback(normalised.get())) {
            return null;
        }
        return "requests from origin " + origin + " are not allowed";
    }

    private static boolean malformed(String origin) {
        try {
            new URI(origin.strip());
            return false;
        } catch (URISyntaxException e) {
            return true;
        }
    }

    private static String hostName(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }
}
