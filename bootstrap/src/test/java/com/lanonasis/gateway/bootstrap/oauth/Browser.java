package com.lanonasis.gateway.bootstrap.oauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person at a browser: keeps cookies, does not follow redirects, fills in the server's forms. */
final class Browser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final URI base;
    /** The headers Chromium adds to a form post from one of the service's pages; none for a plain client. */
    private final Map<String, String> formHeaders;
    private final CookieManager cookies;
    private final HttpClient http;

    Browser(URI base) {
        this(base, Map.of());
    }

    private Browser(URI base, Map<String, String> formHeaders) {
        this(base, formHeaders, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Browser(URI base, Map<String, String> formHeaders, CookieManager cookies) {
        this.base = base;
        this.formHeaders = formHeaders;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same cookie jar, with form posts carrying other headers (e.g. as if sent from another site's page). */
    Browser withOtherFormHeaders(Map<String, String> headers) {
        return new Browser(base, headers, cookies);
    }

    /**
     * Posts forms as Chromium does from a page of the service: Fetch metadata, and {@code Origin}
     * the page's origin (or {@code "null"}, what Chromium sends when the page's referrer policy is
     * {@code no-referrer}).
     */
    static Browser chromium(URI base, String origin) {
        return withFormHeaders(base, Map.of("Origin", origin, "Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document", "Sec-Fetch-User", "?1"));
    }

    /** The origin of the base URI, as a browser writes it in {@code Origin}. */
    static String originOf(URI base) {
        return base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    /** The same cookie jar, with form posts also sending this {@code User-Agent}. */
    Browser withUserAgent(String userAgent) {
        Map<String, String> headers = new LinkedHashMap<>(formHeaders);
        headers.put("User-Agent", userAgent);
        return new Browser(base, headers, cookies);
    }

    static Browser withFormHeaders(URI base, Map<String, String> formHeaders) {
        return new Browser(base, formHeaders);
    }

    HttpResponse<String> get(String pathOrUri) {
        return send(HttpRequest.newBuilder(resolve(pathOrUri)).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        formHeaders.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The hidden fields of the page's first form, e.g. the CSRF token. */
    static Map<String, String> hiddenFields(HttpResponse<String> page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(page.body());
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("&amp;", "&").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return fields;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    /** Signs in through the login page the server redirected to, and returns where it sends the browser next. */
    String signIn(HttpResponse<String> loginRedirect, String email, String password) {
        HttpResponse<String> loginPage = get(location(loginRedirect));
        Map<String, String> form = new LinkedHashMap<>(hiddenFields(loginPage));
        form.put("email", email);
        form.put("password", password);
        return location(post("/web/login", form));
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    void setCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private URI resolve(String pathOrUri) {
        return pathOrUri.startsWith("http") ? URI.create(pathOrUri) : base.resolve(pathOrUri);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
