package com.lanonasis.gateway.domain.clients;

import java.util.Objects;

/**
 * A client as an administrator sees it.
 *
 * @param configured from the service's configuration: read-only at run time
 * @param disabled   refused by every flow until enabled again
 */
public record ClientListing(OAuthClient client, boolean configured, boolean disabled) {

    public ClientListing {
        Objects.requireNonNull(client, "client");
    }
}
