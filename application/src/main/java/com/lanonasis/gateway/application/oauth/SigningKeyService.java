package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.application.oauth.port.in.PublishKeysUseCase;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.tokens.OAuthTokenSigner;

public final class SigningKeyService implements PublishKeysUseCase {

    private final OAuthTokenSigner signer;

    public SigningKeyService(OAuthTokenSigner signer) {
        this.signer = signer;
    }

    @Override
    public String publicKeySet() {
        return signer.publicKeySet();
    }

    @Override
    public Outcome<Boolean> rotate(Principal caller) {
        if (!caller.scopes().values().contains(Scope.ADMIN)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        signer.rotate();
        return Outcome.done(true);
    }
}
