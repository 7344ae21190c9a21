package com.lanonasis.gateway.application.auth;

import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Authentication.Authenticated;
import com.lanonasis.gateway.application.auth.port.in.Authentication.CredentialProblem;
import com.lanonasis.gateway.application.auth.port.in.Authentication.Unauthenticated;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.Users;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeys;
import com.lanonasis.gateway.domain.keys.PresentedApiKey;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.tokens.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class CredentialVerification implements AuthenticateUseCase {

    private final TokenSigner signer;
    private final ApiKeys apiKeys;
    private final Users users;
    private final Clock clock;

    public CredentialVerification(TokenSigner signer, ApiKeys apiKeys, Users users, Clock clock) {
        this.signer = signer;
        this.apiKeys = apiKeys;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Credential credential) {
        if (credential instanceof Credential.BearerToken bearer) {
            return verifyUserToken(bearer.token());
        }
        return verifyApiKey(((Credential.ApiKey) credential).key());
    }

    private Authentication verifyUserToken(String token) {
        Optional<UserTokenClaims> verified = signer.verify(token);
        if (verified.isEmpty()) {
            return new Unauthenticated(CredentialProblem.INVALID);
        }
        UserTokenClaims claims = verified.get();
        if (claims.expiredAt(clock.instant())) {
            return new Unauthenticated(CredentialProblem.EXPIRED);
        }
        return new Authenticated(new Principal(claims.subject(), claims.email(), claims.role(), claims.scopes(),
                CredentialKind.USER_TOKEN, claims.tokenId()));
    }

    private Authentication verifyApiKey(String raw) {
        PresentedApiKey presented = PresentedApiKey.parse(raw);
        if (presented instanceof PresentedApiKey.MissingSecret) {
            return new Unauthenticated(CredentialProblem.API_KEY_SECRET_MISSING);
        }
        if (!(presented instanceof PresentedApiKey.Complete complete)) {
            return new Unauthenticated(CredentialProblem.MALFORMED);
        }
        Instant now = clock.instant();
        Optional<ApiKey> stored = apiKeys.findById(complete.id())
                .filter(key -> key.secretHash().matches(complete.secret()));
        if (stored.isEmpty()) {
            return new Unauthenticated(CredentialProblem.INVALID);
        }
        ApiKey key = stored.get();
        if (!key.usableAt(now)) {
            return new Unauthenticated(key.revokedAt() == null ? CredentialProblem.EXPIRED : CredentialProblem.INVALID);
        }
        Optional<User> owner = users.findById(key.owner());
        if (owner.isEmpty()) {
            return new Unauthenticated(CredentialProblem.INVALID);
        }
        if (key.useWorthRecordingAt(now)) {
            apiKeys.recordUse(key.id(), now);
        }
        User user = owner.get();
        return new Authenticated(new Principal(user.id(), user.email().value(), user.role(), key.scopes(),
                CredentialKind.API_KEY, key.id().value()));
    }
}
