package com.lanonasis.gateway.application.keys.port.in;

import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface RevokeApiKeyUseCase {

    /** Revokes one of the caller's own keys at once; another user's key is {@code NotFound}. */
    Outcome<ApiKeyId> revoke(Principal caller, String keyId);
}
