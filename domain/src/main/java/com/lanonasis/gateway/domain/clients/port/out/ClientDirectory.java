package com.lanonasis.gateway.domain.clients.port.out;

import com.lanonasis.gateway.domain.clients.ClientListing;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: every OAuth client, configured and registered, disabled ones included, for administrators. */
public interface ClientDirectory {

    /** Configured clients first (by id), then registered ones, oldest first; one page. */
    List<ClientListing> list(int offset, int limit);

    Optional<ClientListing> find(String clientId);

    /**
     * Disables or enables a registered client; disabling also revokes every token issued to it.
     * False when there is no such registered client.
     */
    boolean setDisabled(String clientId, boolean disabled, Instant at);

    /** Deletes a registered client, its consents, and revokes its tokens; false when there is none. */
    boolean delete(String clientId, Instant at);
}
