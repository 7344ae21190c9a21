package com.lanonasis.gateway.domain.keys.port.out;

import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the store of API keys. */
public interface ApiKeys {

    void add(ApiKey key);

    Optional<ApiKey> findById(ApiKeyId id);

    /** The owner's keys, newest first, revoked ones left out. */
    List<ApiKey> listByOwner(UserId owner);

    /** Revokes the owner's live key; false when there is no such live key for this owner. */
    boolean revoke(ApiKeyId id, UserId owner, Instant at);

    void recordUse(ApiKeyId id, Instant at);

    /**
     * Gives the owner's live key a new secret hash; the current one stays accepted until
     * {@code graceUntil}. False when there is no such live key for this owner.
     */
    boolean rotate(ApiKeyId id, UserId owner, SecretHash replacement, Instant graceUntil);
}
