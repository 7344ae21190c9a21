package com.lanonasis.gateway.adapters.http.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * This service's public base URL, which is also its OAuth issuer identifier: {@code onasis.issuer}
 * ({@code ONASIS_ISSUER}) without a trailing slash. Every absolute URL the service hands out (metadata,
 * {@code iss}, resource URIs, login redirects) is {@link #resolve resolved} against it; bootstrap builds
 * the one instance.
 *
 * @param base e.g. {@code https://api.lanonasis.com}
 */
public record PublicUrl(String base) {

    /** Where the value comes from, for the one line an operator reads when it is wrong. */
    public static final String SETTING = "ONASIS_ISSUER (onasis.issuer)";

    public PublicUrl {
        Objects.requireNonNull(base, "base");
        String value = base.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(base);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(base);
        }
        base = value;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(SETTING + " must be this service's public base URL, an absolute http(s) "
                + "URL without user info, query or fragment (e.g. https://api.example.com), not: " + value);
    }

    /** {@code base + path}; {@code path} starts with a slash. */
    public String resolve(String path) {
        return base + path;
    }

    /** The origin of the service's pages ({@link Origins}). */
    public String origin() {
        return Origins.of(base).orElseThrow();
    }

    /** The host name browsers and clients address, in lower case. */
    public String host() {
        return Origins.host(origin());
    }

    /** True when the service is reached over https (cookies are then Secure). */
    public boolean secure() {
        return base.regionMatches(true, 0, "https://", 0, 8);
    }

    @Override
    public String toString() {
        return base;
    }
}
