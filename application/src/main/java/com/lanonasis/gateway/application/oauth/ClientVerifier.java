package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import java.util.Optional;

/**
 * Checks a client's presented credentials against its registration. Every failure is the same
 * {@code invalid_client} to the caller; an unknown client id is one of them, so clients that
 * were forgotten know to register again.
 */
public final class ClientVerifier {

    private final Clients clients;

    public ClientVerifier(Clients clients) {
        this.clients = clients;
    }

    Optional<OAuthClient> verify(ClientAuthentication presented) {
        if (presented == null || presented.clientId() == null || presented.clientId().isBlank()) {
            return Optional.empty();
        }
        return clients.find(presented.clientId()).filter(client -> accepts(client, presented));
    }

    /** Confidential clients only: introspection and revocation of others' tokens need a proven identity. */
    Optional<OAuthClient> verifyConfidential(ClientAuthentication presented) {
        return verify(presented).filter(client -> !client.isPublic());
    }

    private static boolean accepts(OAuthClient client, ClientAuthentication presented) {
        if (client.isPublic()) {
            return presented.secret() == null;
        }
        if (presented.secret() == null) {
            return false;
        }
        // basic or post: both prove possession of the same secret, and clients mix them up
        return client.secretHash().matches(new MachineSecret(presented.secret()));
    }
}
