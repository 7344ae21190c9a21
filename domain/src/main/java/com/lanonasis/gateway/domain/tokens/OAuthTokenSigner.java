package com.lanonasis.gateway.domain.tokens;

import java.util.Optional;

/** Outgoing port: signs and checks JWT access tokens (RFC 9068, {@code typ: at+jwt}), and publishes the keys. */
public interface OAuthTokenSigner {

    SignedToken signAccessToken(AccessTokenClaims claims);

    /** Claims of a token with a valid signature from one of our keys and our issuer; expiry is the caller's check. */
    Optional<AccessTokenClaims> verifyAccessToken(String compact);

    /** The public keys, as a JWK Set document. */
    String publicKeySet();

    /** Starts signing with a new key; the old one keeps verifying until its tokens have expired. */
    void rotate();
}
