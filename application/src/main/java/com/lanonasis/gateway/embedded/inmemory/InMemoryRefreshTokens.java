package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import java.time.Instant;
import java.util.List;

/** Refresh tokens by hash: a token rotates exactly once; revoking a family stamps every live member. */
public final class InMemoryRefreshTokens implements RefreshTokens, Purgeable {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<SecretHash, RefreshToken> tokens;

    public InMemoryRefreshTokens(InMemoryDatabase database) {
        this.database = database;
        this.tokens = database.table();
    }

    @Override
    public void add(RefreshToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public java.util.Optional<RefreshToken> find(SecretHash hash) {
        return tokens.get(hash);
    }

    @Override
    public boolean rotate(SecretHash hash, Instant at) {
        return database.locked(() -> tokens.get(hash)
                .filter(token -> token.rotatedAt() == null && token.revokedAt() == null)
                .map(token -> {
                    tokens.put(hash, ended(token, at, null));
                    return true;
                }).orElse(false));
    }

    @Override
    public void revokeFamily(String familyId, Instant at) {
        revokeWhere(token -> token.familyId().equals(familyId), at);
    }

    void revokeWhere(java.util.function.Predicate<RefreshToken> which, Instant at) {
        database.locked(() -> tokens.values().stream().filter(token -> token.revokedAt() == null && which.test(token))
                .forEach(token -> tokens.put(token.hash(), ended(token, token.rotatedAt(), at))));
    }

    /** Every refresh token recorded, rotated, revoked or not. */
    public List<RefreshToken> all() {
        return tokens.values();
    }

    private static RefreshToken ended(RefreshToken token, Instant rotatedAt, Instant revokedAt) {
        return new RefreshToken(token.hash(), token.familyId(), token.clientId(), token.userId(), token.scopes(),
                token.resources(), token.issuedAt(), token.expiresAt(), rotatedAt, revokedAt);
    }

    @Override
    public String name() {
        return "refresh tokens";
    }

    @Override
    public int purgeBefore(Instant cutoff, int batch) {
        return database.locked(() -> {
            List<SecretHash> expired = tokens.values().stream().filter(token -> token.expiresAt().isBefore(cutoff))
                    .limit(batch).map(RefreshToken::hash).toList();
            expired.forEach(tokens::remove);
            return expired.size();
        });
    }
}
