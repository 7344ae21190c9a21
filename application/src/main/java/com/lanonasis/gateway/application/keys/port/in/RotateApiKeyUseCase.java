package com.lanonasis.gateway.application.keys.port.in;

import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface RotateApiKeyUseCase {

    /**
     * Gives one of the caller's live keys a new secret (same {@code pk_} id, scopes and expiry),
     * shown once; the old secret keeps working for the configured grace period. Another user's or
     * an unknown key is {@code NotFound}.
     */
    Outcome<IssuedApiKey> rotate(Principal caller, String keyId);
}
