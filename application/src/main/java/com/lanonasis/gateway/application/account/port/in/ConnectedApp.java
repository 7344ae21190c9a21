package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.tokens.Grant;
import java.time.Instant;
import java.util.List;

/**
 * An app the person let in: the remembered consent (if any) and the live grants it holds.
 *
 * @param name          the client's display name, or its id when it has none (or is gone)
 * @param consentScopes scopes consented to, empty when no consent is remembered (e.g. device flow)
 * @param consentedAt   null when no consent is remembered
 */
public record ConnectedApp(String clientId, String name, List<String> consentScopes, Instant consentedAt,
                           List<Grant> grants) {

    public ConnectedApp {
        consentScopes = List.copyOf(consentScopes);
        grants = List.copyOf(grants);
    }
}
