package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import java.time.Clock;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.LegacyBridgeUseCase;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.util.List;
import java.util.Optional;

/** Turns a platform login JWT into user info, or into an OAuth token pair for a named client. */
public final class LegacyBridgeService implements LegacyBridgeUseCase {

    private final TokenSigner legacySigner;
    private final Users users;
    private final UnitOfWork unitOfWork;
    private final ClientVerifier verifier;
    private final Resources resources;
    private final TokenMinter minter;
    private final IdGenerator ids;
    private final Clock clock;

    public LegacyBridgeService(ClientVerifier verifier, Resources resources, TokenMinter minter, IdGenerator ids,
                               Clock clock, TokenSigner legacySigner, Users users, UnitOfWork unitOfWork) {
        this.verifier = verifier;
        this.resources = resources;
        this.minter = minter;
        this.ids = ids;
        this.clock = clock;
        this.legacySigner = legacySigner;
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Outcome<User> introspect(String legacyToken) {
        return verified(legacyToken)
                .flatMap(claims -> users.findById(claims.subject()))
                .filter(user -> !user.disabled())
                .map(Outcome::done)
                .orElseGet(() -> Outcome.rejected(new Rejection.InvalidCredentials()));
    }

    @Override
    public OAuthResult<TokenResponse> exchange(String legacyToken, ClientAuthentication presented, String scope,
                                               List<String> resources) {
        Optional<OAuthClient> client = verifier.verify(presented);
        if (client.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidClient());
        }
        if (!client.get().allows(GrantType.AUTHORIZATION_CODE) && !client.get().allows(GrantType.DEVICE_CODE)) {
            return OAuthResult.err(OAuthError.unauthorizedClient("this client may not obtain tokens for a user"));
        }
        Optional<UserTokenClaims> login = verified(legacyToken);
        Optional<User> user = login.flatMap(claims -> users.findById(claims.subject())).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidGrant());
        }
        Scopes scopes;
        try {
            scopes = scope == null || scope.isBlank() ? client.get().scopes() : Scopes.parseSpaceDelimited(scope);
        } catch (InvalidValue e) {
            return OAuthResult.err(OAuthError.invalidScope("scope is malformed"));
        }
        if (!client.get().scopes().values().containsAll(scopes.values())) {
            return OAuthResult.err(OAuthError.invalidScope("scope exceeds what this client may ask for"));
        }
        Optional<OAuthError> badResource = this.resources.checkKnown(resources);
        if (badResource.isPresent()) {
            return OAuthResult.err(badResource.get());
        }
        List<String> audience = this.resources.authorizedBy(resources);
        Scopes granted = scopes.limitedTo(user.get().role());
        // the grant ends with the login it came from (rotation keeps that end: TokenService.refresh)
        return unitOfWork.alwaysCommit(() -> OAuthResult.ok(minter.mint(client.get(),
                user.get().id(), granted, granted, audience, audience,
                TokenMinter.BOUNDED_FAMILY_PREFIX + ids.newId(),
                client.get().allows(GrantType.REFRESH_TOKEN), AuditEvent.Type.TOKEN_ISSUED,
                login.get().expiresAt())));
    }

    private Optional<UserTokenClaims> verified(String legacyToken) {
        if (legacyToken == null || legacyToken.isBlank()) {
            return Optional.empty();
        }
        return legacySigner.verify(legacyToken.strip())
                .filter(claims -> !claims.expiredAt(clock.instant()));
    }
}
