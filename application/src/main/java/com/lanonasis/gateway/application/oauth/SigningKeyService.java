package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import java.time.Clock;
import java.util.Map;
import com.lanonasis.gateway.application.oauth.port.in.PublishKeysUseCase;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;

public final class SigningKeyService implements PublishKeysUseCase {

    private final OAuthTokenSigner signer;
    private final AuditLog audit;
    private final Clock clock;

    public SigningKeyService(OAuthTokenSigner signer) {
        this(signer, event -> { }, Clock.systemUTC());
    }

    public SigningKeyService(OAuthTokenSigner signer, AuditLog audit, Clock clock) {
        this.signer = signer;
        this.audit = audit;
        this.clock = clock;
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
        audit.record(new AuditEvent(AuditEvent.Type.SIGNING_KEY_ROTATED, clock.instant(), null, caller.clientId(),
                Map.of("by", caller.userId().toString(), "route", "/admin/keys/rotate")));
        return Outcome.done(true);
    }
}
