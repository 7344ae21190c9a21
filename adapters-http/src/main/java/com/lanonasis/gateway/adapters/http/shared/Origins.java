package com.lanonasis.gateway.adapters.http.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one origin normaliser of the service (CORS allow-list, the MCP Origin guard, the browser forms'
 * CSRF and return checks). An origin is {@code scheme://host[:port]} in lower case; the port is left
 * out when it is the scheme's default, so {@code https://a.example:443} and {@code https://a.example}
 * are the same origin (RFC 6454 §4: the origin of a URI is its scheme, host and port, the port being
 * the scheme's default when the URI names none; §5: two origins are the same when those are equal).
 */
public final class Origins {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ws", 80, "wss", 443);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private Origins() {
    }

    /**
     * The origin of an absolute URL or of an {@code Origin} header value: empty when it has no scheme or
     * host, carries user info, or is not a URI at all (the opaque origin {@code null} included).
     */
    public static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || Integer.valueOf(port).equals(DEFAULT_PORTS.get(scheme));
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@link #of}, for http and https URLs only. */
    public static Optional<String> ofHttp(String url) {
        return of(url).filter(origin -> origin.startsWith("http://") || origin.startsWith("https://"));
    }

    /** True for the origin of a loopback host (localhost, 127.0.0.1, [::1]), any scheme and port. */
    public static boolean isLoopback(String origin) {
        return of(origin).map(Origins::host).map(LOOPBACK::contains).orElse(false);
    }

    /** The host of a normalised origin. */
    public static String host(String origin) {
        String rest = origin.substring(origin.indexOf("://") + 3);
        if (rest.startsWith("[")) {
            return rest.substring(0, rest.indexOf(']') + 1);
        }
        int colon = rest.indexOf(':');
        return colon >= 0 ? rest.substring(0, colon) : rest;
    }

    /**
     * An origin allow-list entry: an exact origin, or {@code scheme://host:*} for every port of that host
     * (development on localhost). Entries are normalised like origins.
     */
    public record Pattern(String origin, boolean anyPort) {

        /** The entry as configured; {@link IllegalArgumentException} naming {@code setting} when it is no origin. */
        public static Pattern parse(String setting, String entry) {
            String value = entry.strip();
            boolean anyPort = value.endsWith(":*");
            String origin = anyPort ? value.substring(0, value.length() - 2) : value;
            return new Pattern(of(origin).orElseThrow(() -> new IllegalArgumentException(
                    setting + ": not an origin (scheme://host[:port], or scheme://host:* for any port): " + entry)),
                    anyPort);
        }

        public boolean matches(String candidateOrigin) {
            return of(candidateOrigin).map(candidate -> anyPort
                    ? withoutPort(candidate).equals(origin) : candidate.equals(origin)).orElse(false);
        }

        private static String withoutPort(String origin) {
            int authority = origin.indexOf("://") + 3;
            int close = origin.indexOf(']', authority);
            int colon = origin.indexOf(':', close >= 0 ? close : authority);
            return colon >= 0 ? origin.substring(0, colon) : origin;
        }
    }
}
