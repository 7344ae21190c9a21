package com.lanonasis.gateway.adapters.http.security.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * Server-rendered pages: escaped text, no script, no inline style, and headers that keep them
 * from being framed, cached or sniffed.
 */
final class Html {

    private Html() {
    }

    static String escape(String text) {
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
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    /** @param formTarget an extra origin forms may end up at (a client's redirect), or null */
    static MutableHttpResponse<String> page(HttpStatus status, String title, String body, String formTarget) {
        String document = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · onasis</title></head><body><main><h1>" + escape(title) + "</h1>"
                + body + "</main></body></html>";
        String formAction = "'self'" + (formTarget == null ? "" : " " + formTarget);
        return HttpResponse.<String>status(status).body(document)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; form-action " + formAction
                        + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }

    static MutableHttpResponse<String> error(HttpStatus status, String title, String message) {
        return page(status, title, "<p>" + escape(message) + "</p>", null);
    }
}
