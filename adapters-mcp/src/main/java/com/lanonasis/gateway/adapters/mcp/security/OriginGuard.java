package com.lanonasis.gateway.adapters.mcp.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection for the MCP endpoints, the gateway's own and the upstreams' at
 * {@code /servers/<name>/mcp} (spec: servers MUST validate Origin). A request passes when its Host
 * is this service's public host, a loopback name or one of {@code onasis.mcp.allowed-hosts}, and its
 * Origin, if any, is this service, a loopback origin, or one of {@code onasis.mcp.allowed-origins}.
 */
@Singleton
public final class OriginGuard {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> hosts = new HashSet<>(LOOPBACK);
    private final Set<String> origins = new HashSet<>();

    OriginGuard(@Value("${onasis.issuer}") String issuer,
                @Value("${onasis.mcp.allowed-origins:}") List<String> allowedOrigins,
                @Value("${onasis.mcp.allowed-hosts:}") List<String> allowedHosts) {
        URI base = URI.create(issuer);
        hosts.add(base.getHost().toLowerCase(Locale.ROOT));
        origins.add(origin(base));
        allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).map(OriginGuard::normalise)
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
        String normalised = normalise(origin);
        if (origins.contains(normalised)) {
            return null;
        }
        try {
            URI uri = URI.create(normalised);
            if (uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return "the Origin header is malformed";
        }
        return "requests from origin " + origin + " are not allowed";
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

    private static String normalise(String origin) {
        try {
            return origin(URI.create(origin.strip()));
        } catch (IllegalArgumentException e) {
            return origin.strip().toLowerCase(Locale.ROOT);
        }
    }

    private static String origin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return String.valueOf(uri).toLowerCase(Locale.ROOT);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
