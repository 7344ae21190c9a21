package com.lanonasis.gateway.domain.clients;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registered OAuth client. Invariants are checked when built: a public client has no secret
 * and cannot use client_credentials; a confidential one has a secret; a client that uses the
 * authorization code has at least one redirect URI.
 *
 * @param secretHash                 null for public clients
 * @param registrationAccessTokenHash null for clients from configuration (not manageable by RFC 7592)
 */
public record OAuthClient(String clientId, String name, ClientAuthMethod authMethod, SecretHash secretHash,
                          List<RedirectUri> redirectUris, Set<GrantType> grantTypes, Scopes scopes,
                          SecretHash registrationAccessTokenHash, Instant createdAt) {

    public static final int MAX_REDIRECT_URIS = 10;
    public static final int MAX_NAME_LENGTH = 200;
    /** Registered and configured client ids. */
    public static final int MAX_ID_LENGTH = 100;
    /** Client ID Metadata Document URLs (the draft sets no limit; ours is the column's, migration V6). */
    public static final int MAX_DOCUMENT_URL_LENGTH = 2048;

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        redirectUris = List.copyOf(redirectUris);
        grantTypes = Set.copyOf(grantTypes);
        int maxLength = isMetadataDocumentId(clientId) ? MAX_DOCUMENT_URL_LENGTH : MAX_ID_LENGTH;
        if (clientId.isBlank() || clientId.length() > maxLength) {
            throw new InvalidValue("client_id", "client_id must be 1.." + maxLength + " characters");
        }
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValue("client_name", "client_name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (grantTypes.isEmpty()) {
            throw new InvalidValue("grant_types", "a client needs at least one grant type");
        }
        if (redirectUris.size() > MAX_REDIRECT_URIS) {
            throw new InvalidValue("redirect_uris", "at most " + MAX_REDIRECT_URIS + " redirect URIs");
        }
        if (grantTypes.contains(GrantType.AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw new InvalidValue("redirect_uris", "the authorization_code grant needs at least one redirect URI");
        }
        if (authMethod.isPublic() && secretHash != null) {
            throw new InvalidValue("token_endpoint_auth_method", "a public client has no secret");
        }
        if (!authMethod.isPublic() && secretHash == null) {
            throw new InvalidValue("token_endpoint_auth_method", "a confidential client needs a secret");
        }
        if (authMethod.isPublic() && grantTypes.contains(GrantType.CLIENT_CREDENTIALS)) {
            throw new InvalidValue("grant_types", "client_credentials needs a confidential client");
        }
    }

    public boolean isPublic() {
        return authMethod.isPublic();
    }

    public boolean allows(GrantType grant) {
        return grantTypes.contains(grant);
    }

    public Optional<RedirectUri> redirectFor(String presented) {
        return redirectUris.stream().filter(uri -> uri.matches(presented)).findFirst();
    }

    public boolean isDynamic() {
        return registrationAccessTokenHash != null;
    }

    /**
     * A client whose id is the URL of its Client ID Metadata Document: it is whoever serves that
     * URL, and nobody here checked who made it, as with a dynamically registered client.
     */
    public boolean isMetadataDocument() {
        return isMetadataDocumentId(clientId);
    }

    /** Whether a client id names a metadata document (an http(s) URL) rather than a registration. */
    public static boolean isMetadataDocumentId(String clientId) {
        return clientId != null && (clientId.startsWith("https://") || clientId.startsWith("http://"));
    }

    /** Registered itself or identified by its own document: its name and redirects are its own claims. */
    public boolean isSelfDescribed() {
        return isDynamic() || isMetadataDocument();
    }

    /**
     * Whether a person may be asked to grant these scopes to this client. A configured client asks
     * within what it was given. A dynamically registered client registered only what it wanted
     * first (an MCP client copies the 401 challenge's scopes) and steps up later when a tool
     * answers {@code insufficient_scope}, so it may ask for any scope open to registration; the
     * person's consent, not the registration, grants it.
     *
     * @param openToDynamicClients the scopes a dynamically registered client may hold (all but admin)
     */
    public boolean mayAskFor(Scopes requested, Scopes openToDynamicClients) {
        return requested.values().stream().allMatch(scope -> scopes.values().contains(scope)
                || isSelfDescribed() && openToDynamicClients.values().contains(scope));
    }
}
