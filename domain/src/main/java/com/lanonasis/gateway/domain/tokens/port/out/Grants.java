package com.lanonasis.gateway.domain.tokens.port.out;

import com.lanonasis.gateway.domain.tokens.Grant;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;

/** Outgoing port: a user's live OAuth grants (token families), as an administrator manages them. */
public interface Grants {

    /** The user's families with a live (unrevoked, unexpired) access or refresh token, newest first. */
    List<Grant> liveOf(UserId user, Instant now);

    /** Revokes every token of the user's family; false when the user has no such family. */
    boolean revoke(UserId user, String familyId, Instant at);

    /** Revokes every OAuth token of the user; the number of families touched. */
    int revokeAll(UserId user, Instant at);

    /** Revokes every OAuth token the user's grants gave the client; the number of families touched. */
    int revokeClient(UserId user, String clientId, Instant at);
}
