package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.domain.clients.OAuthClient;

/** How the consent and device pages introduce the app asking for access. */
final class AppIntro {

    private AppIntro() {
    }

    /**
     * The app's name (or its id), and for an app that registered itself a notice that nobody
     * checked who made it: its name is whatever it chose to call itself.
     */
    static String of(OAuthClient client) {
        String name = client.name() == null || client.name().isBlank() ? null : client.name();
        String intro = "<p><strong>" + Html.escape(name == null ? "An unnamed app" : name) + "</strong>"
                + " <span class=\"muted\">(app id <code>" + Html.escape(client.clientId()) + "</code>)</span>"
                + " wants access to your Onasis account.</p>";
        if (!client.isDynamic()) {
            return intro;
        }
        return intro + "<div class=\"notice\" role=\"note\"><strong>Unverified app</strong>This app registered "
                + "itself; nobody has checked who made it, and it chose its own name. Continue only if you "
                + "started this from an app you trust, just now.</div>";
    }
}
