package com.lanonasis.gateway.domain.clients.port.out;

import com.lanonasis.gateway.domain.clients.ClientMetadataDocument;

/**
 * Outgoing port: fetches the metadata document a URL-shaped {@code client_id} points at. The
 * adapter owns the network rules (https only, no private addresses, size and time limits, no
 * redirects) and HTTP caching; the authorization server owns what a document must say.
 */
public interface ClientMetadataDocuments {

    /** Never throws for network or content failures: they are an {@link Unavailable} with the reason for the log. */
    Lookup fetch(String url);

    sealed interface Lookup permits Found, Unavailable {
    }

    record Found(ClientMetadataDocument document) implements Lookup {
    }

    /** @param reason for the log only: never shown to the client */
    record Unavailable(String reason) implements Lookup {
    }

    /** When nothing is configured: URL client ids are unknown clients. */
    ClientMetadataDocuments NONE = url -> new Unavailable("client ID metadata documents are not enabled");
}
