package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.adapters.http.oauth.Form;
import com.lanonasis.gateway.adapters.http.shared.Origins;
import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every page form shares: the CSRF defence (the post must come from one of our pages, by
 * Fetch metadata and {@code Origin}, and echo a double-submit token: an HttpOnly SameSite=Lax
 * cookie), cookie attributes, and safe return paths after login.
 */
@Context // a malformed ONASIS_FORWARD_AUTH_RETURN_ORIGINS stops start-up with one line
@Singleton
public final class BrowserForms {

    static final String CSRF_COOKIE = "onasis_csrf";
    static final String CSRF_FIELD = "csrf_token";

    private static final String FALLBACK_RETURN = "/web/login";

    private final SecureRandom random = new SecureRandom();
    private final boolean secure;
    private final JsonMapper json;
    /** Origins a sign-in may return to by absolute URL: this service and the apps behind its ForwardAuth. */
    private final Set<String> returnOrigins;
    private final String issuerOrigin;

    BrowserForms(PublicUrl publicUrl,
                 @Value("${onasis.forward-auth.return-origins:}") List<String> returnOrigins, JsonMapper json) {
        this.secure = publicUrl.secure();
        this.json = json;
        Set<String> origins = new HashSet<>();
        origins.add(publicUrl.origin());
        for (String configured : returnOrigins) {
            if (!configured.isBlank()) {
                origins.add(origin(configured.strip()).orElseThrow(() -> new IllegalArgumentException(
                        "ONASIS_FORWARD_AUTH_RETURN_ORIGINS (onasis.forward-auth.return-origins): not an http(s) "
                                + "origin: " + configured)));
            }
        }
        this.returnOrigins = Set.copyOf(origins);
        this.issuerOrigin = publicUrl.origin();
    }

    /** The request's CSRF token, or a new one (then {@link #remember} must set it on the response). */
    String csrfToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue)
                .filter(value -> value.length() >= 32)
                .orElseGet(() -> {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                });
    }

    <T> MutableHttpResponse<T> remember(MutableHttpResponse<T> response, String csrfToken) {
        return response.cookie(cookie(CSRF_COOKIE, csrfToken, null));
    }

    /** True when the posted form carries the same token as the cookie, and that token is one we could have made. */
    boolean csrfValid(HttpRequest<?> request, Form form) {
        Optional<String> cookie = request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue)
                .filter(value -> value.length() >= 32);
        String posted = form.get(CSRF_FIELD);
        return cookie.isPresent() && posted != null && MessageDigest.isEqual(
                cookie.get().getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Why a posted page form is not accepted, or empty when it is: it must come from a page of
     * this service (Fetch metadata and {@code Origin}) and echo the CSRF cookie.
     *
     * @param again what the person should do next, said on the refusal page
     */
    Optional<MutableHttpResponse<String>> refusal(HttpRequest<?> request, Optional<Form> form, String again) {
        if (!fromOurOwnPage(request)) {
            return Optional.of(Html.error(HttpStatus.FORBIDDEN, "Request refused",
                    "This form was sent from another site, so it was not accepted and nothing changed.",
                    "If you started this yourself, open this service's page directly and try again."));
        }
        if (form.isEmpty() || !csrfValid(request, form.get())) {
            return Optional.of(Html.error(HttpStatus.FORBIDDEN, "Form expired",
                    "This form was open too long, or your browser did not send it back as it was given, "
                            + "so it was not accepted and nothing changed.", again));
        }
        return Optional.empty();
    }

    /**
     * A browser says where a form post comes from: {@code Sec-Fetch-Site} (which a page cannot
     * forge) and {@code Origin}. Our pages send {@code Referrer-Policy: same-origin}, so browsers
     * send their real origin; {@code Origin: null} is accepted only with {@code Sec-Fetch-Site:
     * same-origin} (a proxy that rewrites the policy to {@code no-referrer} makes browsers send
     * {@code null} for our own forms; a sandboxed frame on another site is {@code cross-site}).
     * Without either header (non-browser clients, very old browsers) the CSRF token alone decides.
     */
    public boolean fromOurOwnPage(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return true;
        }
        if (origin.equals("null")) {
            return "same-origin".equals(site);
        }
        return origin(origin).filter(candidate -> candidate.equals(issuerOrigin)
                || sameAuthority(candidate, request.getHeaders().get("Host"))).isPresent();
    }

    /** True when {@code origin} (normalized) names the host and port the request was sent to. */
    private static boolean sameAuthority(String origin, String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String scheme = origin.substring(0, origin.indexOf("://"));
        try {
            URI host = new URI(scheme + "://" + hostHeader.strip());
            if (host.getHost() == null || host.getRawUserInfo() != null || host.getRawPath() != null
                    && !host.getRawPath().isEmpty()) {
                return false;
            }
            return origin(host.toString()).filter(origin::equals).isPresent();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    Optional<Form> parse(HttpRequest<?> request, String body) {
        return Form.parse(request, body, json);
    }

    Cookie cookie(String name, String value, Duration maxAge) {
        Cookie cookie = Cookie.of(name, value).httpOnly(true).sameSite(SameSite.Lax).secure(secure).path("/");
        return maxAge == null ? cookie : cookie.maxAge(maxAge);
    }

    public Cookie expired(String name) {
        return cookie(name, "", Duration.ZERO);
    }

    /**
     * Where to send the browser after sign-in: a path on this service (one leading slash, no
     * scheme, no host, no backslash tricks), or an absolute URL on an allowed origin (an app
     * behind the ForwardAuth endpoint). Characters a URI cannot hold (space, {@code {"<|^}, a
     * stray {@code %}, non-ASCII) are percent-encoded, as browsers do; anything else falls back
     * to the login page. The result is always a valid {@code Location}.
     */
    String safeReturn(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 4096 || candidate.contains("\\")
                || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return FALLBACK_RETURN;
        }
        String encoded = encodeForUri(candidate);
        try {
            new URI(encoded);
        } catch (URISyntaxException e) {
            return FALLBACK_RETURN;
        }
        if (encoded.startsWith("/") && !encoded.startsWith("//")) {
            return encoded;
        }
        return origin(encoded).filter(returnOrigins::contains).isPresent() ? encoded : FALLBACK_RETURN;
    }

    /** Percent-encodes what RFC 3986 does not allow (keeping valid escapes and the first {@code #}). */
    static String encodeForUri(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean fragment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2));
            if (c == '#' && !fragment) {
                fragment = true;
                out.append(c);
            } else if (escape || c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The origin of an absolute http(s) URL without user info ({@link Origins}: default port left out). */
    private static Optional<String> origin(String url) {
        return Origins.ofHttp(url);
    }
}
