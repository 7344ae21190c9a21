package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issued access tokens by the hash of their value; revoking one or a family stamps {@code revokedAt} once. */
public final class InMemoryAccessTokens implements AccessTokens, Purgeable {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<SecretHash, IssuedAccessToken> tokens;

    public InMemoryAccessTokens(InMemoryDatabase database) {
        this.database = database;
        this.tokens = database.table();
    }

    @Override
    public void add(IssuedAccessToken token) {
        tokens.put(token.tokenHash(), token);
    }

    @Override
    public Optional<IssuedAccessToken> byTokenHash(SecretHash hash) {
        return tokens.get(hash);
    }

    @Override
    public void revoke(String tokenId, Instant at) {
        revokeWhere(token -> token.claims().tokenId().equals(tokenId), at);
    }

    @Override
    public void revokeFamily(String familyId, Instant at) {
        revokeWhere(token -> token.familyId().equals(familyId), at);
    }

    void revokeWhere(java.util.function.Predicate<IssuedAccessToken> which, Instant at) {
        database.locked(() -> tokens.values().stream().filter(token -> token.revokedAt() == null && which.test(token))
                .forEach(token -> tokens.put(token.tokenHash(), new IssuedAccessToken(token.claims(),
                        token.userId(), token.tokenHash(), token.familyId(), at))));
    }

    /** Every access token recorded, revoked or not. */
    public List<IssuedAccessToken> all() {
        return tokens.values();
    }

    @Override
    public String name() {
        return "access tokens";
    }

    @Override
    public int purgeBefore(Instant cutoff, int batch) {
        return database.locked(() -> {
            List<SecretHash> expired = tokens.values().stream()
                    .filter(token -> token.claims().expiresAt().isBefore(cutoff)).limit(batch)
                    .map(IssuedAccessToken::tokenHash).toList();
            expired.forEach(tokens::remove);
            return expired.size();
        });
    }
}
