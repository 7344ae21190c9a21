package com.lanonasis.gateway.adapters.http.security.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * Server-rendered pages: one layout with the service's stylesheet ({@link AssetsController}),
 * escaped text, no script, no inline style, and headers that keep them from being framed,
 * cached or sniffed. Public so other adapters (the HTML rate-limit page) render the same way.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for HTML, and drops what could make it lie about itself: control characters
     * and bidirectional overrides/isolates (a name that reads backwards, or hides a part).
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (!isDeceptive(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** C0 and C1 controls, DEL, the bidi marks, embeddings, overrides and isolates. */
    public static boolean isDeceptive(int c) {
        return c <= 0x1f || c >= 0x7f && c <= 0x9f || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069;
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    /** A page of this service: {@code bodyHtml} is trusted markup (escape what it contains with {@link #escape}). */
    public static MutableHttpResponse<String> page(HttpStatus status, String title, String bodyHtml) {
        return page(status, title, bodyHtml, null);
    }

    /**
     * An error page: what happened, and what the person can do about it.
     *
     * @param whatHappened plain text
     * @param whatToDo     plain text, or null
     */
    public static MutableHttpResponse<String> error(HttpStatus status, String title, String whatHappened,
                                                    String whatToDo) {
        return page(status, title, "<p>" + escape(whatHappened) + "</p>"
                + (whatToDo == null ? "" : "<p class=\"next\">" + escape(whatToDo) + "</p>"), null);
    }

    static MutableHttpResponse<String> error(HttpStatus status, String title, String message) {
        return error(status, title, message, null);
    }

    /** @param formTarget an extra origin forms may end up at (a client's redirect), or null */
    static MutableHttpResponse<String> page(HttpStatus status, String title, String body, String formTarget) {
        return page(status, title, body, formTarget, false);
    }

    /** @param wide a wider card, for pages with lists and several forms (the account page) */
    static MutableHttpResponse<String> page(HttpStatus status, String title, String body, String formTarget,
                                            boolean wide) {
        String document = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"color-scheme\" content=\"light dark\">"
                + "<link rel=\"stylesheet\" href=\"" + AssetsController.STYLESHEET + "\">"
                + "<title>" + escape(title) + " · Onasis</title></head><body>"
                + "<header class=\"brand\"><span class=\"logo\" aria-hidden=\"true\">&#9670;</span> Onasis</header>"
                + "<main class=\"" + (status.getCode() >= 400 ? "card problem" : "card") + (wide ? " wide" : "") + "\"><h1>" + escape(title)
                + "</h1>" + body + "</main></body></html>";
        String formAction = "'self'" + (formTarget == null ? "" : " " + formTarget);
        return HttpResponse.<String>status(status).body(document)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action " + formAction
                        + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }
}
