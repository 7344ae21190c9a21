package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.audit.AuditLog;
import com.lanonasis.gateway.domain.clients.ClientMetadataDocuments;
import com.lanonasis.gateway.domain.clients.Clients;
import com.lanonasis.gateway.domain.shared.IdGenerator;
import com.lanonasis.gateway.domain.shared.SecretGenerator;
import com.lanonasis.gateway.domain.tokens.AccessTokens;
import com.lanonasis.gateway.domain.tokens.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.RefreshTokens;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * What every OAuth service shares: the client checks, the token minting, the resource rules.
 * Built once, handed to each service, so they all apply the same rules.
 */
public final class OAuthComponents {

    private final Clients clients;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final OAuthTokenSigner signer;
    private final AuditLog audit;
    private final SecretGenerator secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final OAuthSettings settings;
    private final ClientVerifier verifier;
    private final Resources resources;
    private final TokenMinter minter;

    public OAuthComponents(Clients clients, AccessTokens accessTokens, RefreshTokens refreshTokens,
                           OAuthTokenSigner signer, AuditLog audit, SecretGenerator secrets, IdGenerator ids,
                           Clock clock, OAuthSettings settings) {
        this(clients, ClientMetadataDocuments.NONE, accessTokens, refreshTokens, signer, audit, secrets, ids, clock,
                settings);
    }

    /** @param documents where a URL-shaped client id's metadata document is fetched from */
    public OAuthComponents(Clients clients, ClientMetadataDocuments documents, AccessTokens accessTokens,
                           RefreshTokens refreshTokens, OAuthTokenSigner signer, AuditLog audit,
                           SecretGenerator secrets, IdGenerator ids, Clock clock, OAuthSettings settings) {
        this(clients, documents, accessTokens, refreshTokens, signer, audit, secrets, ids, clock, settings,
                resource -> false);
    }

    /**
     * @param upstreamResources true for the canonical URI of an enabled upstream MCP server: accepted as
     *                          an RFC 8707 {@code resource} besides the configured ones
     */
    public OAuthComponents(Clients clients, ClientMetadataDocuments documents, AccessTokens accessTokens,
                           RefreshTokens refreshTokens, OAuthTokenSigner signer, AuditLog audit,
                           SecretGenerator secrets, IdGenerator ids, Clock clock, OAuthSettings settings,
                           Predicate<String> upstreamResources) {
        clients = new MetadataDocumentClients(clients, documents);
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.signer = signer;
        this.audit = audit;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.verifier = new ClientVerifier(clients);
        this.resources = new Resources(settings, upstreamResources);
        this.minter = new TokenMinter(signer, accessTokens, refreshTokens, audit, secrets, ids, clock, settings);
    }

    Clients clients() {
        return clients;
    }

    AccessTokens accessTokens() {
        return accessTokens;
    }

    RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    OAuthTokenSigner signer() {
        return signer;
    }

    AuditLog audit() {
        return audit;
    }

    SecretGenerator secrets() {
        return secrets;
    }

    IdGenerator ids() {
        return ids;
    }

    Clock clock() {
        return clock;
    }

    OAuthSettings settings() {
        return settings;
    }

    ClientVerifier verifier() {
        return verifier;
    }

    Resources resources() {
        return resources;
    }

    TokenMinter minter() {
        return minter;
    }
}
