package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.atLeast;
import static com.lanonasis.gateway.bootstrap.SettingRanges.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The authorization server's settings, {@code onasis.oauth.*} (its Client ID Metadata Document settings
 * are {@link MetadataDocumentProperties}), bound once and checked when bound.
 *
 * @param codeLifetime           {@code ONASIS_OAUTH_CODE_LIFETIME}: authorization codes (positive)
 * @param accessTokenLifetime    {@code ONASIS_OAUTH_ACCESS_TOKEN_LIFETIME} (positive)
 * @param refreshTokenLifetime   {@code ONASIS_OAUTH_REFRESH_TOKEN_LIFETIME} (positive)
 * @param deviceCodeLifetime     {@code ONASIS_OAUTH_DEVICE_CODE_LIFETIME} (positive)
 * @param deviceInterval         {@code ONASIS_OAUTH_DEVICE_INTERVAL}: RFC 8628 polling interval (positive)
 * @param consentLifetime        {@code onasis.oauth.consent-lifetime}: a pending consent page (positive)
 * @param webSessionLifetime     {@code ONASIS_WEB_SESSION_LIFETIME}: the browser sign-in session (positive)
 * @param resourcePaths          {@code onasis.oauth.resource-paths}: RFC 8707 resources, relative to the issuer
 * @param accessTokenFormat      {@code ONASIS_OAUTH_ACCESS_TOKEN_FORMAT}: jwt or opaque
 * @param maxDynamicClients      {@code ONASIS_OAUTH_MAX_DYNAMIC_CLIENTS}: dynamically registered clients (≥ 0)
 * @param registrationsPerMinute {@code onasis.oauth.registrations-per-minute}: dynamic registrations per address (≥ 1)
 * @param scopes                 {@code onasis.oauth.scopes}: the scopes this server knows
 * @param resourceServers        {@code ONASIS_OAUTH_RESOURCE_SERVERS}: client_id=resource pairs
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.oauth")
public record OAuthProperties(@Bindable(defaultValue = "5m") Duration codeLifetime,
                              @Bindable(defaultValue = "15m") Duration accessTokenLifetime,
                              @Bindable(defaultValue = "30d") Duration refreshTokenLifetime,
                              @Bindable(defaultValue = "10m") Duration deviceCodeLifetime,
                              @Bindable(defaultValue = "5s") Duration deviceInterval,
                              @Bindable(defaultValue = "10m") Duration consentLifetime,
                              @Bindable(defaultValue = "12h") Duration webSessionLifetime,
                              @Nullable List<String> resourcePaths,
                              @Bindable(defaultValue = "jwt") String accessTokenFormat,
                              @Bindable(defaultValue = "10000") int maxDynamicClients,
                              @Bindable(defaultValue = "20") int registrationsPerMinute,
                              @Nullable List<String> scopes,
                              @Nullable List<String> resourceServers) {

    public OAuthProperties {
        positive(codeLifetime, "ONASIS_OAUTH_CODE_LIFETIME", "onasis.oauth.code-lifetime", "5m");
        positive(accessTokenLifetime, "ONASIS_OAUTH_ACCESS_TOKEN_LIFETIME", "onasis.oauth.access-token-lifetime", "15m");
        positive(refreshTokenLifetime, "ONASIS_OAUTH_REFRESH_TOKEN_LIFETIME", "onasis.oauth.refresh-token-lifetime",
                "30d");
        positive(deviceCodeLifetime, "ONASIS_OAUTH_DEVICE_CODE_LIFETIME", "onasis.oauth.device-code-lifetime", "10m");
        positive(deviceInterval, "ONASIS_OAUTH_DEVICE_INTERVAL", "onasis.oauth.device-interval", "5s");
        positive(consentLifetime, "ONASIS_OAUTH_CONSENT_LIFETIME", "onasis.oauth.consent-lifetime", "10m");
        positive(webSessionLifetime, "ONASIS_WEB_SESSION_LIFETIME", "onasis.oauth.web-session-lifetime", "12h");
        accessTokenFormat = accessTokenFormat == null ? "jwt" : accessTokenFormat.strip();
        if (!"jwt".equals(accessTokenFormat) && !"opaque".equals(accessTokenFormat)) {
            throw new IllegalArgumentException("ONASIS_OAUTH_ACCESS_TOKEN_FORMAT (onasis.oauth.access-token-format) "
                    + "must be jwt or opaque, not " + accessTokenFormat);
        }
        atLeast(maxDynamicClients, 0, "ONASIS_OAUTH_MAX_DYNAMIC_CLIENTS", "onasis.oauth.max-dynamic-clients");
        atLeast(registrationsPerMinute, 1, "ONASIS_OAUTH_REGISTRATIONS_PER_MINUTE",
                "onasis.oauth.registrations-per-minute");
        resourcePaths = resourcePaths == null ? List.of("", "/mcp", "/api/v1") : List.copyOf(resourcePaths);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        resourceServers = resourceServers == null ? List.of() : List.copyOf(resourceServers);
        try {
            CredentialFactory.resourceServers(resourceServers);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("ONASIS_OAUTH_RESOURCE_SERVERS (" + malformed.getMessage() + ")",
                    malformed);
        }
    }

    boolean opaqueAccessTokens() {
        return "opaque".equals(accessTokenFormat);
    }
}
