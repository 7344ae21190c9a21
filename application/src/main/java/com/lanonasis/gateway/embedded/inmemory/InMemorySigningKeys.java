package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.tokens.SigningKey;
import com.lanonasis.gateway.domain.tokens.port.out.SigningKeys;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Signing keys by kid, newest first; a retired key verifies until its grace ends. */
public final class InMemorySigningKeys implements SigningKeys {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<String, SigningKey> keys;

    public InMemorySigningKeys(InMemoryDatabase database) {
        this.database = database;
        this.keys = database.table();
    }

    @Override
    public void add(SigningKey key) {
        if (!keys.insert(key.kid(), key)) {
            throw new IllegalStateException("kid already taken: " + key.kid());
        }
    }

    @Override
    public Optional<SigningKey> find(String kid) {
        return keys.get(kid);
    }

    @Override
    public List<SigningKey> signing() {
        return where(SigningKey::signs);
    }

    @Override
    public List<SigningKey> verifying(Instant retiredAfter) {
        return where(key -> key.retiredAt() == null || key.retiredAt().isAfter(retiredAfter));
    }

    @Override
    public void retire(String kid, Instant at) {
        database.locked(() -> keys.get(kid).filter(SigningKey::signs).ifPresent(key -> keys.put(kid,
                new SigningKey(key.kid(), key.algorithm(), key.privateJwk(), key.createdAt(), at))));
    }

    private List<SigningKey> where(Predicate<SigningKey> condition) {
        return keys.values().stream().filter(condition)
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed().thenComparing(SigningKey::kid))
                .toList();
    }
}
