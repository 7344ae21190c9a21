package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.adapters.http.security.web.Html;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Locale;

/** The page a person sees when a limit refuses their browser: what happened and when to try again. */
final class LimitPage {

    private LimitPage() {
    }

    /**
     * Whether {@code accept} ranks HTML above JSON (a browser's navigation does; API clients send
     * {@code application/json}, {@code *}{@code /*} or nothing and keep the JSON error).
     */
    static boolean prefersHtml(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (Double.isNaN(q)) {
                q = 0;
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json") || type.endsWith("+json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html > json;
    }

    /** The service's page layout and stylesheet ({@link Html}), its strict CSP and no-store. */
    static MutableHttpResponse<String> render(long retryAfterSeconds) {
        String wait = retryAfterSeconds < 90 ? retryAfterSeconds + " seconds"
                : ((retryAfterSeconds + 59) / 60) + " minutes";
        return Html.error(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
                "This address has sent more requests than we accept in a short time, so we are pausing it to"
                        + " protect your account. Your last request was not carried out.",
                "Please wait " + wait + ", then try again.");
    }
}
