package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.port.out.RevokedAccessTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * client_credentials access tokens that are their own record: the signed JWT is not stored. At each use
 * such a token is checked by its signature (a published key of ours, our issuer, {@code typ: at+jwt}), by
 * the CURRENT state of its client (disabled or deleted: revoked at once) and by the deny-list that
 * revocation writes its {@code jti} to. Expiry is the caller's check, as for stored tokens.
 * <p>
 * Self-contained tokens are told apart from stored ones by their {@code jti}, which starts with
 * {@link #TOKEN_ID_PREFIX}: a stored token (every other grant, and client_credentials tokens issued
 * before this change) is still checked only against its row, so its revocation keeps working.
 */
public final class SelfContainedTokens {

    /** The {@code jti} prefix of self-contained tokens (ids are otherwise UUIDs). */
    public static final String TOKEN_ID_PREFIX = "cc-";

    private final OAuthTokenSigner signer;
    private final RevokedAccessTokens revoked;
    private final Clients clients;
    private final Clock clock;

    public SelfContainedTokens(OAuthTokenSigner signer, RevokedAccessTokens revoked, Clients clients, Clock clock) {
        this.signer = signer;
        this.revoked = revoked;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * {@code cc-<issue time in epoch milliseconds>-<unique id>}: the JWT's {@code iat} is in whole seconds,
     * and a client disabled and enabled again within one second must still revoke exactly the tokens
     * issued before the disabling.
     */
    static String tokenId(Instant issuedAt, String unique) {
        return TOKEN_ID_PREFIX + issuedAt.toEpochMilli() + "-" + unique;
    }

    /** The issue time to the millisecond from the jti, or the claims' (whole seconds, so earlier). */
    static Instant issuedAt(AccessTokenClaims claims) {
        String id = claims.tokenId();
        int end = id.indexOf('-', TOKEN_ID_PREFIX.length());
        if (end > TOKEN_ID_PREFIX.length()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(id.substring(TOKEN_ID_PREFIX.length(), end)));
            } catch (NumberFormatException e) {
                return claims.issuedAt();
            }
        }
        return claims.issuedAt();
    }

    public static boolean isSelfContained(AccessTokenClaims claims) {
        return claims.tokenId().startsWith(TOKEN_ID_PREFIX) && claims.subject().equals(claims.clientId());
    }

    /**
     * The token as if it had a record: empty when it is not a self-contained token of ours (forged,
     * altered, another issuer's, or a stored token); revoked (at now) when its client is gone or disabled.
     */
    public Optional<IssuedAccessToken> find(String token) {
        if (token.indexOf('.') < 0) {
            return Optional.empty();
        }
        return signer.verifyAccessToken(token).filter(SelfContainedTokens::isSelfContained).map(claims -> {
            Instant revokedAt = clients.find(claims.clientId()).isEmpty() ? clock.instant()
                    : revoked.revokedAt(claims.tokenId(), claims.clientId(), issuedAt(claims)).orElse(null);
            return new IssuedAccessToken(claims, null, new MachineSecret(token).hash(), claims.tokenId(), revokedAt);
        });
    }

    /** Lists the token on the deny-list until it expires. */
    public void revoke(AccessTokenClaims claims, Instant at) {
        revoked.revoke(claims.tokenId(), claims.clientId(), at, claims.expiresAt());
    }
}
