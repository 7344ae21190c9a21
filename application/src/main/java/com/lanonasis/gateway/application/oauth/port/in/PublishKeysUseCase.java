package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

/** The signing keys as the world sees them, and their rotation. */
public interface PublishKeysUseCase {

    /** The JWK Set of every key a token in circulation may be signed with. */
    String publicKeySet();

    /** Starts signing with a new key; needs the {@code admin} scope. */
    Outcome<Boolean> rotate(Principal caller);
}
