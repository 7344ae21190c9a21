package com.lanonasis.gateway.domain.tokens;

import com.lanonasis.gateway.domain.shared.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Outgoing port: the record of issued access tokens. */
public interface AccessTokens {

    void add(IssuedAccessToken token);

    Optional<IssuedAccessToken> byTokenId(String tokenId);

    Optional<IssuedAccessToken> byOpaqueHash(SecretHash hash);

    void revoke(String tokenId, Instant at);

    void revokeFamily(String familyId, Instant at);
}
