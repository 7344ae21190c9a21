package com.lanonasis.gateway.adapters.http.security.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where a redirect URI will send the browser, said so a person can tell hosts apart. */
final class Destination {

    private Destination() {
    }

    /** Markup (escaped) naming the destination: its host in bold, or "an app on this computer". */
    static String describe(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return "<span class=\"host\">" + Html.escape(redirectUri) + "</span>";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        if (scheme.equals("http") && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"))) {
            return "an app on this computer <span class=\"muted\">(" + Html.escape(host + port) + ")</span>";
        }
        if (scheme.equals("https") || scheme.equals("http")) {
            return "<span class=\"host\">" + Html.escape(host) + "</span>"
                    + (port.isEmpty() && scheme.equals("https") ? ""
                    : " <span class=\"muted\">(" + Html.escape(scheme + "://" + host + port) + ")</span>");
        }
        return "the app that opens <span class=\"host\">" + Html.escape(scheme) + ":</span> links"
                + (host.isEmpty() ? "" : " <span class=\"muted\">(" + Html.escape(host) + ")</span>");
    }
}
