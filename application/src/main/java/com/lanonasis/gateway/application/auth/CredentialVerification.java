package com.lanonasis.gateway.application.auth;

import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Authentication.Authenticated;
import com.lanonasis.gateway.application.auth.port.in.Authentication.CredentialProblem;
import com.lanonasis.gateway.application.auth.port.in.Authentication.Unauthenticated;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.keys.PresentedApiKey;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The only place a {@link Principal} is made: every kind of credential is checked here. Role and
 * scopes come from the user's current record at every use (one indexed lookup), never only from
 * what was true when the credential was minted: a demoted administrator loses {@code admin} at once.
 */
public final class CredentialVerification implements AuthenticateUseCase {

    private final TokenSigner userTokens;
    private final AccessTokens accessTokens;
    private final WebSessions webSessions;
    private final ApiKeys apiKeys;
    private final Users users;
    private final Clock clock;

    public CredentialVerification(TokenSigner userTokens, AccessTokens accessTokens, WebSessions webSessions,
                                  ApiKeys apiKeys, Users users, Clock clock) {
        this.userTokens = userTokens;
        this.accessTokens = accessTokens;
        this.webSessions = webSessions;
        this.apiKeys = apiKeys;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Credential credential) {
        return credential.match(bearer -> verifyBearer(bearer.token()), apiKey -> verifyApiKey(apiKey.key()),
                cookie -> verifySession(cookie.sessionId()));
    }

    /**
     * OAuth access tokens are found by their hash (one indexed lookup, no signature check);
     * anything else may be a login JWT, whose signature is checked.
     */
    private Authentication verifyBearer(String token) {
        Optional<IssuedAccessToken> issued = accessTokens.byTokenHash(new MachineSecret(token).hash());
        if (issued.isPresent()) {
            return oauthToken(issued.get());
        }
        return userTokens.verify(token).map(this::userToken)
                .orElseGet(() -> new Unauthenticated(CredentialProblem.INVALID));
    }

    private Authentication userToken(UserTokenClaims claims) {
        if (claims.expiredAt(clock.instant())) {
            return new Unauthenticated(CredentialProblem.EXPIRED);
        }
        return activeUser(claims.subject())
                .<Authentication>map(user -> new Authenticated(new Principal(user.id(), user.email().value(),
                        user.role(), claims.scopes().limitedTo(user.role()), CredentialKind.USER_TOKEN,
                        claims.tokenId(), null, List.of())))
                .orElseGet(() -> new Unauthenticated(CredentialProblem.INVALID));
    }

    /** OAuth tokens are checked against their record, so revocation takes effect at once. */
    private Authentication oauthToken(IssuedAccessToken record) {
        if (record.revokedAt() != null || record.userId() == null) {
            return new Unauthenticated(CredentialProblem.INVALID);
        }
        AccessTokenClaims claims = record.claims();
        if (claims.expiredAt(clock.instant())) {
            return new Unauthenticated(CredentialProblem.EXPIRED);
        }
        return activeUser(record.userId())
                .<Authentication>map(user -> new Authenticated(new Principal(user.id(), user.email().value(),
                        user.role(), claims.scopes().limitedTo(user.role()), CredentialKind.OAUTH_TOKEN, claims.tokenId(), claims.clientId(),
                        claims.audience())))
                .orElseGet(() -> new Unauthenticated(CredentialProblem.INVALID));
    }

    private Authentication verifySession(String sessionId) {
        Optional<WebSession> session = webSessions.find(new MachineSecret(sessionId).hash())
                .filter(found -> found.activeAt(clock.instant()));
        if (session.isEmpty()) {
            return new Unauthenticated(CredentialProblem.INVALID);
        }
        Instant now = clock.instant();
        if (session.get().seenWorthRecordingAt(now)) {
            webSessions.seen(session.get().idHash(), now);
        }
        return activeUser(session.get().userId())
                .<Authentication>map(user -> new Authenticated(new Principal(user.id(), user.email().value(),
                        user.role(), Scopes.forRole(user.role()), CredentialKind.WEB_SESSION, session.get().publicId(),
                        null, List.of())))
                .orElseGet(() -> new Unauthenticated(CredentialProblem.INVALID));
    }

    /** The account, unless it is gone or disabled: then none of its credentials is accepted. */
    private Optional<User> activeUser(com.lanonasis.gateway.domain.shared.UserId id) {
        return users.findById(id).filter(user -> !user.disabled());
    }

    private Authentication verifyApiKey(String raw) {
        return PresentedApiKey.parse(raw).match(this::verifyApiKey,
                missingSecret -> new Unauthenticated(CredentialProblem.API_KEY_SECRET_MISSING),
                malformed -> new Unauthenticated(CredentialProblem.MALFORMED));
    }

    private Authentication verifyApiKey(PresentedApiKey.Complete complete) {
        Instant now = clock.instant();
        Optional<ApiKey> stored = apiKeys.findById(complete.id())
                .filter(key -> key.acceptsSecret(complete.secret(), now));
        if (stored.isEmpty()) {
            return new Unauthenticated(CredentialProblem.INVALID);
        }
        ApiKey key = stored.get();
        if (!key.usableAt(now)) {
            return new Unauthenticated(key.revokedAt() == null ? CredentialProblem.EXPIRED : CredentialProblem.INVALID);
        }
        Optional<User> owner = activeUser(key.owner());
        if (owner.isEmpty()) {
            return new Unauthenticated(CredentialProblem.INVALID);
        }
        if (key.useWorthRecordingAt(now)) {
            apiKeys.recordUse(key.id(), now);
        }
        User user = owner.get();
        return new Authenticated(new Principal(user.id(), user.email().value(), user.role(),
                key.scopes().limitedTo(user.role()),
                CredentialKind.API_KEY, key.id().value(), null, List.of()));
    }
}
