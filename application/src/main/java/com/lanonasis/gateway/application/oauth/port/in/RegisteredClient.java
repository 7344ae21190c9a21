package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.shared.Secret;

/**
 * A client as the registration endpoint returns it.
 *
 * @param clientSecret              the secret, only when just created or rotated; else null
 * @param registrationAccessToken   the RFC 7592 token, only at registration; else null
 */
public record RegisteredClient(OAuthClient client, String clientSecret, String registrationAccessToken) {

    @Override
    public String toString() {
        return Secret.redacted("RegisteredClient[clientId=" + client.clientId() + "]");
    }
}
