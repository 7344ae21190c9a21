package com.lanonasis.gateway.domain.tokens.port.out;

import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.SignedToken;
import java.util.Optional;

/**
 * Outgoing port: signs JWT access tokens (RFC 9068, {@code typ: at+jwt}) and publishes the keys.
 * This service checks the tokens it stores against their record (by hash), with no signature check;
 * self-contained tokens (client_credentials) have no record and are checked by {@link #verifyAccessToken}.
 */
public interface OAuthTokenSigner {

    SignedToken signAccessToken(AccessTokenClaims claims);

    /**
     * The claims of an access token this signer made: a valid signature by a published key, our issuer,
     * the access-token type. Expiry is not checked (the caller does, at each use). Empty for anything
     * else, and always for signers that make no verifiable tokens.
     */
    default Optional<AccessTokenClaims> verifyAccessToken(String compact) {
        return Optional.empty();
    }

    /** The public keys, as a JWK Set document. */
    String publicKeySet();

    /** Starts signing with a new key; the old one keeps verifying until its tokens have expired. */
    void rotate();
}
