package com.lanonasis.gateway.adapters.persistence.cache;

import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys by id from {@link CredentialCache}; revocation and rotation invalidate every instance. */
public final class CachedApiKeys implements ApiKeys {

    private final ApiKeys store;
    private final CredentialCache.Region<ApiKeyId, ApiKey> byId;

    public CachedApiKeys(ApiKeys store, CredentialCache cache) {
        this.store = store;
        this.byId = cache.region();
    }

    @Override
    public void add(ApiKey key) {
        store.add(key);
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return byId.get(id, () -> store.findById(id));
    }

    @Override
    public List<ApiKey> listByOwner(UserId owner) {
        return store.listByOwner(owner);
    }

    @Override
    public boolean revoke(ApiKeyId id, UserId owner, Instant at) {
        boolean revoked = store.revoke(id, owner, at);
        return revoked;
    }

    /** Advisory (at most once a minute per key and instance): this instance's copy learns the time. */
    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        store.recordUse(id, at);
        byId.update(id, key -> new ApiKey(key.id(), key.owner(), key.name(), key.scopes(), key.secretHash(),
                key.createdAt(), key.expiresAt(), at, key.revokedAt(), key.previousSecretHash(),
                key.previousSecretUntil()));
    }

    @Override
    public boolean rotate(ApiKeyId id, UserId owner, SecretHash replacement, Instant graceUntil) {
        boolean rotated = store.rotate(id, owner, replacement, graceUntil);
        return rotated;
    }
}
