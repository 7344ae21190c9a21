package com.lanonasis.gateway.domain.tokens.port.out;

import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Outgoing port: refresh tokens and their families. */
public interface RefreshTokens {

    void add(RefreshToken token);

    Optional<RefreshToken> find(SecretHash hash);

    /** Marks the token rotated if it still is current; true for exactly one caller. */
    boolean rotate(SecretHash hash, Instant at);

    void revokeFamily(String familyId, Instant at);
}
