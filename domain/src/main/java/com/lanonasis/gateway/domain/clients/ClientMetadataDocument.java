package com.lanonasis.gateway.domain.clients;

import java.util.List;

/**
 * A Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document) as fetched from
 * the URL that is the client's id: the RFC 7591 members the authorization server uses, any of
 * which may be null when the document leaves them out.
 *
 * @param declaresSecret whether the document carries a {@code client_secret} or
 *                       {@code client_secret_expires_at}: a document anyone can read cannot hold a
 *                       secret, so such a document is refused
 */
public record ClientMetadataDocument(String clientId, String clientName, List<String> redirectUris,
                                     String tokenEndpointAuthMethod, List<String> grantTypes,
                                     List<String> responseTypes, String scope, boolean declaresSecret) {

    public ClientMetadataDocument {
        redirectUris = redirectUris == null ? null : List.copyOf(redirectUris);
        grantTypes = grantTypes == null ? null : List.copyOf(grantTypes);
        responseTypes = responseTypes == null ? null : List.copyOf(responseTypes);
    }
}
