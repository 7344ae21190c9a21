package com.lanonasis.gateway.domain.tokens.port.out;

import com.lanonasis.gateway.domain.tokens.SignedToken;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.util.Optional;

/** Outgoing port: signs user tokens with the store's current key and checks presented ones. */
public interface TokenSigner {

    SignedToken sign(UserTokenClaims claims);

    /**
     * The claims of a token whose signature, issuer and type check out; empty for anything
     * else. Expiry is the caller's decision, made against its own clock.
     */
    Optional<UserTokenClaims> verify(String compact);
}
