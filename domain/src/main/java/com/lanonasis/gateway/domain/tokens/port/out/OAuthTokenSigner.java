package com.lanonasis.gateway.domain.tokens.port.out;

import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.SignedToken;

/**
 * Outgoing port: signs JWT access tokens (RFC 9068, {@code typ: at+jwt}) and publishes the keys.
 * This service itself checks presented tokens against its record of them (by hash), so no
 * signature check is needed on its hot path; the signature is for other resource servers.
 */
public interface OAuthTokenSigner {

    SignedToken signAccessToken(AccessTokenClaims claims);

    /** The public keys, as a JWK Set document. */
    String publicKeySet();

    /** Starts signing with a new key; the old one keeps verifying until its tokens have expired. */
    void rotate();
}
