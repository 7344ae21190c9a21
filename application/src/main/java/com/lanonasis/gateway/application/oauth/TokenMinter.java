package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Makes the tokens of every grant the same way: an access token, recorded, and maybe a refresh token. */
public final class TokenMinter {

    static final int OPAQUE_LENGTH = 43;
    static final int REFRESH_LENGTH = 48;
    /**
     * Families whose refresh tokens keep the expiry of the first instead of sliding on each
     * rotation: those born of a login token at /legacy/exchange, which must not outlive it.
     */
    static final String BOUNDED_FAMILY_PREFIX = "bounded-";

    private final OAuthTokenSigner signer;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final SecretGenerator secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final OAuthSettings settings;
    private final UnitOfWork unitOfWork;
    private final SelfContainedTokens selfContained;

    /** Stores every access token (no self-contained ones): the embedded core, opaque tokens. */
    public TokenMinter(OAuthTokenSigner signer, AccessTokens accessTokens, RefreshTokens refreshTokens, AuditLog audit,
                SecretGenerator secrets, IdGenerator ids, Clock clock, OAuthSettings settings, UnitOfWork unitOfWork) {
        this(signer, accessTokens, refreshTokens, audit, secrets, ids, clock, settings, unitOfWork, null);
    }

    /**
     * @param unitOfWork commits a token's rows (the token, its audit row) together, see
     *                   {@link UnitOfWork#groupCommit}; a grant already in a transaction writes in it
     * @param selfContained null, or how client_credentials JWTs are checked without a row: then they are
     *                      not stored (only their audit row is written)
     */
    public TokenMinter(OAuthTokenSigner signer, AccessTokens accessTokens, RefreshTokens refreshTokens, AuditLog audit,
                SecretGenerator secrets, IdGenerator ids, Clock clock, OAuthSettings settings, UnitOfWork unitOfWork,
                SelfContainedTokens selfContained) {
        this.selfContained = selfContained;
        this.unitOfWork = unitOfWork;
        this.signer = signer;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * @param user         null for a client acting for itself
     * @param grantedScopes what the refresh token may later ask for; {@code scopes} may be narrower
     * @param resources    the resources the grant authorized, kept on the refresh token
     */
    TokenResponse mint(OAuthClient client, UserId user, Scopes scopes, Scopes grantedScopes, List<String> audience,
                       List<String> resources, String familyId, boolean withRefreshToken, AuditEvent.Type event) {
        return mint(client, user, scopes, grantedScopes, audience, resources, familyId, withRefreshToken, event, null);
    }

    /**
     * @param refreshEndsBy null, or when the refresh token must expire at the latest; no refresh
     *                      token is issued when that is already past
     */
    TokenResponse mint(OAuthClient client, UserId user, Scopes scopes, Scopes grantedScopes, List<String> audience,
                       List<String> resources, String familyId, boolean withRefreshToken, AuditEvent.Type event,
                       Instant refreshEndsBy) {
        Instant now = clock.instant();
        // a client acting for itself gets a JWT that is its own record (SelfContainedTokens): no row
        boolean stored = user != null || selfContained == null || settings.opaqueAccessTokens();
        AccessTokenClaims claims = new AccessTokenClaims(
                stored ? ids.newId().toString() : SelfContainedTokens.tokenId(now, ids.newId().toString()),
                user == null ? client.clientId() : user.toString(), client.clientId(), audience, scopes, now,
                now.plus(settings.accessTokenLifetime()));
        MachineSecret accessToken = new MachineSecret(settings.opaqueAccessTokens()
                ? secrets.alphanumeric(OPAQUE_LENGTH) : signer.signAccessToken(claims).reveal());
        IssuedAccessToken issued = new IssuedAccessToken(claims, user, accessToken.hash(), familyId, null);
        Instant refreshExpiry = now.plus(settings.refreshTokenLifetime());
        if (refreshEndsBy != null && refreshEndsBy.isBefore(refreshExpiry)) {
            refreshExpiry = refreshEndsBy;
        }
        MachineSecret refresh = withRefreshToken && user != null && refreshExpiry.isAfter(now)
                ? new MachineSecret(secrets.alphanumeric(REFRESH_LENGTH)) : null;
        RefreshToken refreshRow = refresh == null ? null : new RefreshToken(refresh.hash(), familyId,
                client.clientId(), user, grantedScopes, resources, now, refreshExpiry, null, null);
        AuditEvent issuedEvent = new AuditEvent(event, now, user == null ? null : user.toString(), client.clientId(),
                Map.of("jti", claims.tokenId(), "scope", scopes.spaceDelimited(),
                        "refresh_token", String.valueOf(refresh != null)));
        // signed above, on the caller's thread; only the rows are written together
        unitOfWork.groupCommit(() -> {
            if (stored) {
                accessTokens.add(issued);
            }
            if (refreshRow != null) {
                refreshTokens.add(refreshRow);
            }
            audit.record(issuedEvent);
            return null;
        });
        String refreshToken = refresh == null ? null : refresh.reveal();
        return new TokenResponse(accessToken.reveal(), settings.accessTokenLifetime().toSeconds(), refreshToken, scopes);
    }

    /** Null when every access token is stored. */
    SelfContainedTokens selfContained() {
        return selfContained;
    }

    /** Revokes every access and refresh token descending from one grant. */
    void revokeFamily(String familyId, Instant at) {
        refreshTokens.revokeFamily(familyId, at);
        accessTokens.revokeFamily(familyId, at);
    }
}
