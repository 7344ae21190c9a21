package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.Introspection;
import com.lanonasis.gateway.application.oauth.port.in.IssueTokenUseCase;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenInspectionUseCase;
import com.lanonasis.gateway.application.oauth.port.in.TokenRequest;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.CodeRedemption;
import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.Pkce;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint for every grant, plus revocation and introspection. Many internal reasons
 * (unknown code, other client, wrong verifier, replay) become one public {@code invalid_grant};
 * the precise reason is logged, never returned.
 */
public final class TokenService implements IssueTokenUseCase, TokenInspectionUseCase {

    private static final System.Logger LOG = System.getLogger(TokenService.class.getName());
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final ClientVerifier verifier;
    private final AuthorizationCodes codes;
    private final DeviceAuthorizations devices;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final Users users;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final Resources resources;
    private final TokenMinter minter;
    /** Confidential clients that are resource servers, and the resources (token audiences) each serves. */
    private final Map<String, Set<String>> resourceServers;

    /**
     * @param resourceServers client id → resource URIs it serves: introspection tells such a client
     *                        about access tokens whose {@code aud} names one of them (RFC 7662 §4)
     */
    public TokenService(ClientVerifier verifier, Resources resources, TokenMinter minter, AuthorizationCodes codes,
                        DeviceAuthorizations devices, RefreshTokens refreshTokens, AccessTokens accessTokens,
                        Users users, UnitOfWork unitOfWork, AuditLog audit, IdGenerator ids, Clock clock,
                        Map<String, Set<String>> resourceServers) {
        this.resourceServers = Map.copyOf(resourceServers);
        this.verifier = verifier;
        this.codes = codes;
        this.devices = devices;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.users = users;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.resources = resources;
        this.minter = minter;
    }

    @Override
    public OAuthResult<TokenResponse> issue(ClientAuthentication presented, TokenRequest request) {
        if (request.grantType() == null || request.grantType().isBlank()) {
            return OAuthResult.err(OAuthError.invalidRequest("grant_type is missing"));
        }
        GrantType grant;
        try {
            grant = GrantType.parse(request.grantType());
        } catch (InvalidValue e) {
            return OAuthResult.err(OAuthError.unsupportedGrantType());
        }
        Optional<OAuthClient> found = grant == GrantType.CLIENT_CREDENTIALS
                ? verifier.verifyConfidential(presented) : verifier.verify(presented);
        if (found.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidClient());
        }
        OAuthClient client = found.get();
        if (!client.allows(grant)) {
            return OAuthResult.err(OAuthError.unauthorizedClient("this client may not use " + grant.wireName()));
        }
        if (grant == GrantType.CLIENT_CREDENTIALS) {
            // reads nothing but the client, writes only the new token's rows: group-committed by the minter
            return clientCredentials(client, request);
        }
        // a refused grant may still have effects that must stay: a replayed code or refresh token revokes its family
        return unitOfWork.alwaysCommit(() -> switch (grant) {
            case AUTHORIZATION_CODE -> authorizationCode(client, request);
            case REFRESH_TOKEN -> refresh(client, request);
            case CLIENT_CREDENTIALS -> clientCredentials(client, request);
            case DEVICE_CODE -> deviceCode(client, request);
        });
    }

    private OAuthResult<TokenResponse> authorizationCode(OAuthClient client, TokenRequest request) {
        if (request.code() == null || request.codeVerifier() == null) {
            return OAuthResult.err(OAuthError.invalidRequest("code and code_verifier are required"));
        }
        return codes.redeem(new MachineSecret(request.code()).hash()).match(
                redeemed -> exchange(client, request, redeemed.code()),
                replayed -> {
                    Instant now = clock.instant();
                    minter.revokeFamily(replayed.familyId(), now);
                    audit.record(new AuditEvent(AuditEvent.Type.CODE_REPLAY_DETECTED, now, null, client.clientId(),
                            Map.of("family", replayed.familyId())));
                    return rejectGrant("authorization code replayed; its tokens are revoked");
                },
                unknown -> rejectGrant("unknown authorization code"));
    }

    private OAuthResult<TokenResponse> exchange(OAuthClient client, TokenRequest request, AuthorizationCode code) {
        if (!code.clientId().equals(client.clientId())) {
            return rejectGrant("code issued to another client");
        }
        if (code.expiredAt(clock.instant())) {
            return rejectGrant("code expired");
        }
        if (!code.redirectUri().equals(request.redirectUri())) {
            return rejectGrant("redirect_uri differs from the authorization request");
        }
        if (!Pkce.verifies(request.codeVerifier(), code.codeChallenge())) {
            return rejectGrant("PKCE verifier does not match");
        }
        Optional<List<String>> audience = resources.audience(request.resources(), code.resources());
        if (audience.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidTarget("the resource was not authorized for this grant"));
        }
        return OAuthResult.ok(minter.mint(client, code.userId(), code.scopes(), code.scopes(), audience.get(),
                resources.authorizedBy(code.resources()), code.familyId(), client.allows(GrantType.REFRESH_TOKEN),
                AuditEvent.Type.TOKEN_ISSUED));
    }

    private OAuthResult<TokenResponse> refresh(OAuthClient client, TokenRequest request) {
        if (request.refreshToken() == null) {
            return OAuthResult.err(OAuthError.invalidRequest("refresh_token is required"));
        }
        MachineSecret presented = new MachineSecret(request.refreshToken());
        Optional<RefreshToken> found = refreshTokens.find(presented.hash());
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().clientId().equals(client.clientId())) {
            return rejectGrant("unknown refresh token, or another client's");
        }
        RefreshToken token = found.get();
        if (token.rotatedAt() != null && token.revokedAt() == null) {
            return reuseDetected(client, token, now);
        }
        if (!token.usableAt(now)) {
            return rejectGrant("refresh token revoked or expired");
        }
        Scopes scopes = token.scopes();
        if (request.scope() != null && !request.scope().isBlank()) {
            try {
                scopes = Scopes.parseSpaceDelimited(request.scope());
            } catch (InvalidValue e) {
                return OAuthResult.err(OAuthError.invalidScope("scope is malformed"));
            }
            if (!token.scopes().values().containsAll(scopes.values())) {
                return OAuthResult.err(OAuthError.invalidScope("scope exceeds the original grant"));
            }
        }
        Optional<List<String>> audience = resources.audience(request.resources(), token.resources());
        if (audience.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidTarget("the resource was not authorized for this grant"));
        }
        if (!refreshTokens.rotate(token.hash(), now)) {
            return reuseDetected(client, token, now);
        }
        Instant endsBy = token.familyId().startsWith(TokenMinter.BOUNDED_FAMILY_PREFIX) ? token.expiresAt() : null;
        return OAuthResult.ok(minter.mint(client, token.userId(), scopes, token.scopes(), audience.get(),
                token.resources(), token.familyId(), true, AuditEvent.Type.TOKEN_REFRESHED, endsBy));
    }

    private OAuthResult<TokenResponse> reuseDetected(OAuthClient client, RefreshToken token, Instant now) {
        minter.revokeFamily(token.familyId(), now);
        audit.record(new AuditEvent(AuditEvent.Type.REFRESH_REUSE_DETECTED, now, token.userId().toString(),
                client.clientId(), Map.of("family", token.familyId())));
        return rejectGrant("rotated refresh token presented again; its family is revoked");
    }

    private OAuthResult<TokenResponse> clientCredentials(OAuthClient client, TokenRequest request) {
        Scopes scopes = client.scopes();
        if (request.scope() != null && !request.scope().isBlank()) {
            try {
                scopes = Scopes.parseSpaceDelimited(request.scope());
            } catch (InvalidValue e) {
                return OAuthResult.err(OAuthError.invalidScope("scope is malformed"));
            }
            if (!client.scopes().values().containsAll(scopes.values())) {
                return OAuthResult.err(OAuthError.invalidScope("scope exceeds what this client may ask for"));
            }
        }
        Optional<OAuthError> badResource = resources.checkKnown(request.resources());
        if (badResource.isPresent()) {
            return OAuthResult.err(badResource.get());
        }
        List<String> audience = resources.authorizedBy(request.resources());
        return OAuthResult.ok(minter.mint(client, null, scopes, scopes, audience, audience, ids.newId().toString(),
                false, AuditEvent.Type.TOKEN_ISSUED));
    }

    private OAuthResult<TokenResponse> deviceCode(OAuthClient client, TokenRequest request) {
        if (request.deviceCode() == null) {
            return OAuthResult.err(OAuthError.invalidRequest("device_code is required"));
        }
        MachineSecret presented = new MachineSecret(request.deviceCode());
        Optional<DeviceAuthorization> found = devices.byDeviceCode(presented.hash());
        if (found.isEmpty() || !found.get().clientId().equals(client.clientId())) {
            return rejectGrant("unknown device code, or another client's");
        }
        DeviceAuthorization device = found.get();
        Instant now = clock.instant();
        if (device.expiredAt(now)) {
            return OAuthResult.err(new OAuthError("expired_token", "the device code has expired; start again"));
        }
        if (device.tooSoon(now)) {
            devices.update(device.polledAt(now, device.interval().plus(SLOW_DOWN_STEP)));
            return OAuthResult.err(new OAuthError("slow_down", "poll less often"));
        }
        devices.update(device.polledAt(now, device.interval()));
        switch (device.status()) {
            case PENDING:
                return OAuthResult.err(new OAuthError("authorization_pending", "the user has not answered yet"));
            case DENIED:
                return OAuthResult.err(new OAuthError("access_denied", "the user denied the request"));
            case REDEEMED:
                return rejectGrant("device code already used");
            default:
                break;
        }
        if (!devices.redeem(device.deviceCodeHash())) {
            return rejectGrant("device code already used");
        }
        return OAuthResult.ok(minter.mint(client, device.approvedBy(), device.scopes(), device.scopes(),
                resources.authorizedBy(device.resources()), resources.authorizedBy(device.resources()),
                ids.newId().toString(), client.allows(GrantType.REFRESH_TOKEN), AuditEvent.Type.TOKEN_ISSUED));
    }

    @Override
    public OAuthResult<Boolean> revoke(ClientAuthentication presented, String token, String tokenTypeHint) {
        Optional<OAuthClient> found = verifier.verify(presented);
        if (found.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidClient());
        }
        if (token == null || token.isBlank()) {
            return OAuthResult.err(OAuthError.invalidRequest("token is required"));
        }
        String clientId = found.get().clientId();
        Instant now = clock.instant();
        Optional<RefreshToken> refresh = refreshTokens.find(new MachineSecret(token).hash())
                .filter(candidate -> candidate.clientId().equals(clientId));
        if (refresh.isPresent()) {
            minter.revokeFamily(refresh.get().familyId(), now);
            audit.record(new AuditEvent(AuditEvent.Type.TOKEN_REVOKED, now, refresh.get().userId().toString(),
                    clientId, Map.of("kind", "refresh_token", "family", refresh.get().familyId())));
            return OAuthResult.ok(true);
        }
        Optional<IssuedAccessToken> access = findAccessToken(token)
                .filter(candidate -> candidate.claims().clientId().equals(clientId));
        access.ifPresent(issued -> {
            if (minter.selfContained() != null && SelfContainedTokens.isSelfContained(issued.claims())) {
                if (issued.revokedAt() == null) {
                    minter.selfContained().revoke(issued.claims(), now);
                }
            } else {
                accessTokens.revoke(issued.claims().tokenId(), now);
            }
            audit.record(new AuditEvent(AuditEvent.Type.TOKEN_REVOKED, now,
                    issued.userId() == null ? null : issued.userId().toString(), clientId,
                    Map.of("kind", "access_token", "jti", issued.claims().tokenId())));
        });
        // RFC 7009 §2.2: an unknown or foreign token is answered like a revoked one
        return OAuthResult.ok(access.isPresent());
    }

    /**
     * RFC 7662 §4: an active token is described only to the client it was issued to or, for an
     * access token, to a resource server it is for; anyone else learns {@code active: false}, as
     * for an unknown token, so introspection is no oracle for other clients' tokens.
     */
    @Override
    public OAuthResult<Introspection> introspect(ClientAuthentication presented, String token) {
        Optional<OAuthClient> asking = verifier.verifyConfidential(presented);
        if (asking.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidClient());
        }
        if (token == null || token.isBlank()) {
            return OAuthResult.err(OAuthError.invalidRequest("token is required"));
        }
        String clientId = asking.get().clientId();
        Set<String> served = resourceServers.getOrDefault(clientId, Set.of());
        Instant now = clock.instant();
        Optional<IssuedAccessToken> access = findAccessToken(token).filter(issued -> issued.activeAt(now))
                .filter(issued -> issued.claims().clientId().equals(clientId)
                        || issued.claims().audience().stream().anyMatch(served::contains));
        if (access.isPresent()) {
            return OAuthResult.ok(new Introspection.ActiveAccessToken(access.get().claims(), username(access.get().userId())));
        }
        Optional<RefreshToken> refresh = refreshTokens.find(new MachineSecret(token).hash())
                .filter(candidate -> candidate.usableAt(now))
                .filter(candidate -> candidate.clientId().equals(clientId));
        if (refresh.isPresent()) {
            return OAuthResult.ok(new Introspection.ActiveRefreshToken(refresh.get(), username(refresh.get().userId())));
        }
        return OAuthResult.ok(new Introspection.Inactive());
    }

    /** A self-contained token (client_credentials, not stored) is checked first: it would miss the store. */
    private Optional<IssuedAccessToken> findAccessToken(String token) {
        if (minter.selfContained() != null) {
            Optional<IssuedAccessToken> selfContained = minter.selfContained().find(token);
            if (selfContained.isPresent()) {
                return selfContained;
            }
        }
        return accessTokens.byTokenHash(new MachineSecret(token).hash());
    }

    private String username(UserId userId) {
        return userId == null ? null : users.findById(userId).map(User::email).map(Object::toString).orElse(null);
    }

    private static <T> OAuthResult<T> rejectGrant(String reason) {
        LOG.log(System.Logger.Level.DEBUG, () -> "invalid_grant: " + reason);
        return OAuthResult.err(OAuthError.invalidGrant());
    }
}
