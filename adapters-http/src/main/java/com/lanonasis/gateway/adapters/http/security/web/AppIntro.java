package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.domain.clients.OAuthClient;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** How the consent and device pages introduce the app asking for access. */
final class AppIntro {

    private AppIntro() {
    }

    static String of(OAuthClient client) {
        return of(client, Set.of());
    }

    /**
     * The app's name (or its id), and for an app that registered itself a notice that nobody
     * checked who made it: its name is whatever it chose to call itself. An app identified by a
     * metadata document is introduced by the host serving that document, the one thing about it
     * that is proven; its name is shown as its own claim.
     *
     * @param trustedDocumentHosts hosts whose metadata documents are shown without the notice
     */
    static String of(OAuthClient client, Set<String> trustedDocumentHosts) {
        String name = client.name() == null || client.name().isBlank() ? null : client.name();
        if (client.isMetadataDocument()) {
            String host = URI.create(client.clientId()).getHost().toLowerCase(Locale.ROOT);
            String intro = "<p><strong>" + Html.escape(host) + "</strong> — identified by its web address"
                    + " <span class=\"muted\">(<code>" + Html.escape(client.clientId()) + "</code>)</span>"
                    + (name == null ? "" : ", calling itself <strong>" + Html.escape(name) + "</strong>")
                    + " — wants access to your Onasis account.</p>";
            if (trustedDocumentHosts.contains(host)) {
                return intro;
            }
            return intro + "<div class=\"notice\" role=\"note\"><strong>Unverified app</strong>This app describes "
                    + "itself at " + Html.escape(host) + "; nobody here has checked who made it, and it chose its "
                    + "own name. Continue only if you started this from an app you trust, just now.</div>";
        }
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
