package com.lanonasis.gateway.domain.tokens.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port: the deny-list of self-contained access tokens (client_credentials JWTs, which are not
 * stored: the signed token is their record). A token is revoked when its id is listed, or when every
 * token of its client issued up to some instant was revoked (the client was disabled or deleted).
 * Whatever is listed is seen at once by every instance.
 */
public interface RevokedAccessTokens {

    /** When this token was revoked, if it was. */
    Optional<Instant> revokedAt(String tokenId, String clientId, Instant issuedAt);

    /** Lists the token until it expires (then it is refused anyway); listing it again changes nothing. */
    void revoke(String tokenId, String clientId, Instant at, Instant expiresAt);
}
