package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;

/**
 * Dynamic client registration (RFC 7591) and its management (RFC 7592). An unknown client or a
 * wrong registration access token are both {@code InvalidCredentials}.
 */
public interface ClientRegistrationUseCase {

    /** @param origin who is registering (the client address), for the rate limit on this open endpoint */
    Outcome<RegisteredClient> register(ClientMetadata metadata, String origin);

    Outcome<RegisteredClient> read(String clientId, String registrationAccessToken);

    Outcome<RegisteredClient> update(String clientId, String registrationAccessToken, ClientMetadata metadata);

    Outcome<String> delete(String clientId, String registrationAccessToken);
}
