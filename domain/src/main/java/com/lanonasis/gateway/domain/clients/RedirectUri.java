package com.lanonasis.gateway.domain.clients;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A registered redirect URI. Matching is exact, except that a loopback redirect
 * ({@code http://127.0.0.1}, {@code http://[::1]}, {@code http://localhost}) matches on any port
 * (RFC 8252 §7.3), because native apps pick a free port at run time.
 */
public record RedirectUri(String value) {

    public static final int MAX_LENGTH = 2000;

    public RedirectUri {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValue("redirect_uris", "each redirect URI must be 1.." + MAX_LENGTH + " characters");
        }
        URI uri = parse(value);
        if (!uri.isAbsolute() || uri.getRawFragment() != null || uri.getHost() == null && !isPrivateUse(uri)) {
            throw new InvalidValue("redirect_uris", "a redirect URI must be absolute, with no fragment");
        }
    }

    /** Web-safe: https, or http on a loopback host. Dynamic registration accepts only these. */
    public boolean isHttpsOrLoopback() {
        URI uri = parse(value);
        return "https".equals(uri.getScheme()) || isLoopback(uri);
    }

    public boolean matches(String presented) {
        if (value.equals(presented)) {
            return true;
        }
        URI registered = parse(value);
        if (!isLoopback(registered) || presented == null) {
            return false;
        }
        URI candidate;
        try {
            candidate = new URI(presented);
        } catch (URISyntaxException e) {
            return false;
        }
        return isLoopback(candidate)
                && registered.getHost().equalsIgnoreCase(candidate.getHost())
                && equal(registered.getRawPath(), candidate.getRawPath())
                && equal(registered.getRawQuery(), candidate.getRawQuery())
                && candidate.getRawFragment() == null
                && candidate.getRawUserInfo() == null;
    }

    /** True for {@code https://good.example@evil.example/}: a host that reads like another. */
    public boolean hasUserInfo() {
        return parse(value).getRawUserInfo() != null;
    }

    /** The origin, for the Content-Security-Policy form-action of pages that post towards it. */
    public String origin() {
        URI uri = parse(value);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return "http".equals(uri.getScheme())
                && (host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost"));
    }

    private static boolean isPrivateUse(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && !scheme.equals("http") && !scheme.equals("https");
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null || b.isEmpty() : a.equals(b) || a.isEmpty() && b == null;
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValue("redirect_uris", "a redirect URI must be a valid URI");
        }
    }
}
