package com.lanonasis.gateway.application.keys.port.in;

import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface CreateApiKeyUseCase {

    Outcome<IssuedApiKey> create(Principal caller, NewApiKeyRequest request);
}
