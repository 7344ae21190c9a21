package com.lanonasis.gateway.domain.clients.port.out;

import com.lanonasis.gateway.domain.clients.OAuthClient;
import java.util.Optional;

/** Outgoing port: registered OAuth clients, from configuration and from dynamic registration. */
public interface Clients {

    Optional<OAuthClient> find(String clientId);

    void add(OAuthClient client);

    /** Replaces a dynamically registered client; false if there is none with that id. */
    boolean replace(OAuthClient client);

    boolean remove(String clientId);

    long countDynamic();
}
