package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** API keys by id; a revoked key stays findable but is no longer listed, rotated, or revoked again. */
public final class InMemoryApiKeys implements ApiKeys {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<ApiKeyId, ApiKey> keys;

    public InMemoryApiKeys(InMemoryDatabase database) {
        this.database = database;
        this.keys = database.table();
    }

    @Override
    public void add(ApiKey key) {
        if (!keys.insert(key.id(), key)) {
            throw new IllegalStateException("API key id already taken: " + key.id());
        }
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return keys.get(id);
    }

    @Override
    public List<ApiKey> listByOwner(UserId owner) {
        return keys.values().stream().filter(key -> key.owner().equals(owner) && key.revokedAt() == null)
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(key -> key.id().toString()))
                .toList();
    }

    @Override
    public boolean revoke(ApiKeyId id, UserId owner, Instant at) {
        return database.locked(() -> live(id, owner).map(key -> {
            keys.put(id, new ApiKey(key.id(), key.owner(), key.name(), key.scopes(), key.secretHash(),
                    key.createdAt(), key.expiresAt(), key.lastUsedAt(), at, key.previousSecretHash(),
                    key.previousSecretUntil()));
            return true;
        }).orElse(false));
    }

    @Override
    public boolean rotate(ApiKeyId id, UserId owner, SecretHash replacement, Instant graceUntil) {
        return database.locked(() -> live(id, owner).map(key -> {
            keys.put(id, new ApiKey(key.id(), key.owner(), key.name(), key.scopes(), replacement, key.createdAt(),
                    key.expiresAt(), key.lastUsedAt(), null, key.secretHash(), graceUntil));
            return true;
        }).orElse(false));
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        database.locked(() -> keys.get(id).ifPresent(key -> keys.put(id, new ApiKey(key.id(), key.owner(),
                key.name(), key.scopes(), key.secretHash(), key.createdAt(), key.expiresAt(), at, key.revokedAt(),
                key.previousSecretHash(), key.previousSecretUntil()))));
    }

    private Optional<ApiKey> live(ApiKeyId id, UserId owner) {
        return keys.get(id).filter(key -> key.owner().equals(owner) && key.revokedAt() == null);
    }
}
