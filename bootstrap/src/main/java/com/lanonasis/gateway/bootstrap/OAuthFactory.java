package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.web.HttpClientMetadataDocuments;
import com.lanonasis.gateway.application.oauth.AuthorizationService;
import com.lanonasis.gateway.application.oauth.ClientRegistrationService;
import com.lanonasis.gateway.application.oauth.DeviceFlowService;
import com.lanonasis.gateway.application.oauth.LegacyBridgeService;
import com.lanonasis.gateway.application.oauth.ClientVerifier;
import com.lanonasis.gateway.application.oauth.MetadataDocumentClients;
import com.lanonasis.gateway.application.oauth.Resources;
import com.lanonasis.gateway.application.oauth.SelfContainedTokens;
import com.lanonasis.gateway.application.oauth.TokenMinter;
import com.lanonasis.gateway.application.oauth.OAuthSettings;
import com.lanonasis.gateway.application.oauth.SigningKeyService;
import com.lanonasis.gateway.application.oauth.TokenService;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.port.out.ClientMetadataDocuments;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import com.lanonasis.gateway.domain.tokens.port.out.RevokedAccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The authorization server's use cases and its configuration. */
@Factory
final class OAuthFactory {

    @Singleton
    OAuthSettings oauthSettings(PublicUrl publicUrl, OAuthProperties oauth) {
        List<String> resources = oauth.resourcePaths().stream().map(publicUrl::resolve).toList();
        return new OAuthSettings(publicUrl.base(), oauth.codeLifetime(), oauth.accessTokenLifetime(),
                oauth.refreshTokenLifetime(), oauth.deviceCodeLifetime(), oauth.deviceInterval(),
                oauth.consentLifetime(), resources, oauth.opaqueAccessTokens(), oauth.maxDynamicClients());
    }

    /** The pre-registered public clients of the platform's own tools. */
    /** Holds the configured clients; a bean of type List would be read by Micronaut as "all beans of a type". */
    record PreRegisteredClients(List<OAuthClient> clients) {
    }

    @Singleton
    PreRegisteredClients configuredClients(List<ConfiguredClient> configured, OAuthProperties oauth) {
        Scopes all = Scopes.parse(oauth.scopes());
        return new PreRegisteredClients(configured.stream().map(client -> new OAuthClient(client.getClientId(), client.getName(),
                ClientAuthMethod.NONE, null, client.getRedirectUris().stream().map(RedirectUri::new).toList(),
                client.getGrantTypes().stream().map(GrantType::parse).collect(Collectors.toCollection(LinkedHashSet::new)),
                client.getScopes() == null ? withoutAdmin(all) : Scopes.parseSpaceDelimited(client.getScopes()),
                null, Instant.EPOCH)).toList());
    }

    /** Client ID Metadata Documents: fetched for URL-shaped client ids (see docs/oauth.md). */
    @Singleton
    ClientMetadataDocuments clientMetadataDocuments(MetadataDocumentProperties cimd, Clock clock) {
        return new HttpClientMetadataDocuments(new HttpClientMetadataDocuments.Settings(cimd.maxBytes(), cimd.timeout(),
                cimd.minCache(), cimd.maxCache(), cimd.cacheEntries(), cimd.allowPrivateHosts(), cimd.failureCache()),
                clock);
    }

    /**
     * The registered clients and, for a URL-shaped client id, its Client ID Metadata Document. Typed as
     * itself only, so {@code Clients} still means the store.
     */
    @Singleton
    @Bean(typed = MetadataDocumentClients.class)
    MetadataDocumentClients oauthClients(Clients clients, ClientMetadataDocuments documents) {
        return new MetadataDocumentClients(clients, documents);
    }

    @Singleton
    ClientVerifier clientVerifier(MetadataDocumentClients clients) {
        return new ClientVerifier(clients);
    }

    /** The RFC 8707 resources: the configured ones and the canonical URI of each enabled upstream MCP server. */
    @Singleton
    Resources resources(OAuthSettings settings, UseUpstreamUseCase upstreams) {
        return new Resources(settings, upstreams::isUpstreamResource);
    }

    @Singleton
    TokenMinter tokenMinter(OAuthTokenSigner signer, AccessTokens accessTokens, RefreshTokens refreshTokens,
                            AuditLog audit, SecretGenerator secrets, IdGenerator ids, Clock clock,
                            OAuthSettings settings, JdbcDatabase unitOfWork, RevokedAccessTokens revoked,
                            Clients clients, PersistenceProperties.TokenWriteSettings tokenWrites) {
        SelfContainedTokens selfContained = tokenWrites.selfContainedClientTokens()
                ? new SelfContainedTokens(signer, revoked, clients, clock) : null;
        return new TokenMinter(signer, accessTokens, refreshTokens, audit, secrets, ids, clock, settings, unitOfWork,
                selfContained);
    }

    @Singleton
    AuthorizationService authorizationService(MetadataDocumentClients clients, Resources resources, Consents consents,
                                              PendingAuthorizations pendings, AuthorizationCodes codes, AuditLog audit,
                                              SecretGenerator secrets, IdGenerator ids, Clock clock,
                                              OAuthSettings settings, OAuthProperties oauth) {
        return new AuthorizationService(clients, resources, consents, pendings, codes, audit, secrets, ids, clock,
                settings, withoutAdmin(Scopes.parse(oauth.scopes())));
    }

    @Singleton
    TokenService tokenService(ClientVerifier verifier, Resources resources, TokenMinter minter, AuthorizationCodes codes,
                              DeviceAuthorizations devices, RefreshTokens refreshTokens, AccessTokens accessTokens,
                              Users users, JdbcDatabase unitOfWork, AuditLog audit, IdGenerator ids, Clock clock,
                              OAuthProperties oauth) {
        return new TokenService(verifier, resources, minter, codes, devices, refreshTokens, accessTokens, users,
                unitOfWork, audit, ids, clock, CredentialFactory.resourceServers(oauth.resourceServers()));
    }

    @Singleton
    DeviceFlowService deviceFlowService(ClientVerifier verifier, MetadataDocumentClients clients, Resources resources,
                                        DeviceAuthorizations devices, AuditLog audit, SecretGenerator secrets,
                                        Clock clock, OAuthSettings settings,
                                        OAuthProperties oauth, RateLimiter rateLimiter) {
        return new DeviceFlowService(verifier, clients, resources, devices, audit, secrets, clock, settings,
                withoutAdmin(Scopes.parse(oauth.scopes())), rateLimiter);
    }

    @Singleton
    ClientRegistrationService clientRegistrationService(MetadataDocumentClients clients, AuditLog audit,
                                                        SecretGenerator secrets, Clock clock, OAuthSettings settings,
                                                        OAuthProperties oauth, RateLimiter rateLimiter) {
        return new ClientRegistrationService(clients, audit, secrets, clock, settings,
                withoutAdmin(Scopes.parse(oauth.scopes())), rateLimiter, oauth.registrationsPerMinute());
    }

    @Singleton
    LegacyBridgeService legacyBridgeService(ClientVerifier verifier, Resources resources, TokenMinter minter,
                                            IdGenerator ids, Clock clock, TokenSigner legacySigner, Users users,
                                            JdbcDatabase unitOfWork) {
        return new LegacyBridgeService(verifier, resources, minter, ids, clock, legacySigner, users, unitOfWork);
    }

    @Singleton
    SigningKeyService signingKeyService(OAuthTokenSigner signer, AuditLog audit, Clock clock) {
        return new SigningKeyService(signer, audit, clock);
    }

    private static Scopes withoutAdmin(Scopes scopes) {
        return Scopes.of(scopes.values().stream().filter(scope -> !scope.value().equals("admin")).toList());
    }
}
