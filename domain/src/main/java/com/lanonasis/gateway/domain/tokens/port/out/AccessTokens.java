package com.lanonasis.gateway.domain.tokens.port.out;

import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Outgoing port: the record of issued access tokens. */
public interface AccessTokens {

    void add(IssuedAccessToken token);

    /** The record of the token whose value hashes to this; the fast way to check a presented token. */
    Optional<IssuedAccessToken> byTokenHash(SecretHash hash);

    void revoke(String tokenId, Instant at);

    void revokeFamily(String familyId, Instant at);
}
