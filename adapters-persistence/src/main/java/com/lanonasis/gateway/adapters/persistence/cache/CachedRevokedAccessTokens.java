package com.lanonasis.gateway.adapters.persistence.cache;

import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcRevokedAccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.RevokedAccessTokens;
import java.time.Instant;
import java.util.Optional;

/**
 * The deny-list of self-contained tokens from {@link CredentialCache}: what it says of a token id and
 * its client, "not listed" included (unlike the other regions, the usual answer here is the absence of a
 * row, so it is cached as a value). Safe for the same reason as the rest of the cache: every insert into
 * the deny-list (a revocation, a client disabled or deleted) advances the shared generation when it is
 * prepared and again once committed, and a cached answer is used only under the generation it was read at.
 */
public final class CachedRevokedAccessTokens implements RevokedAccessTokens {

    private record Key(String tokenId, String clientId) {
    }

    private final JdbcRevokedAccessTokens store;
    private final CredentialCache.Region<Key, JdbcRevokedAccessTokens.Denial> denials;

    public CachedRevokedAccessTokens(JdbcRevokedAccessTokens store, CredentialCache cache) {
        this.store = store;
        this.denials = cache.region();
    }

    @Override
    public Optional<Instant> revokedAt(String tokenId, String clientId, Instant issuedAt) {
        return denials.get(new Key(tokenId, clientId), () -> Optional.of(store.denial(tokenId, clientId)))
                .flatMap(denial -> denial.revokedAt(issuedAt));
    }

    @Override
    public void revoke(String tokenId, String clientId, Instant at, Instant expiresAt) {
        store.revoke(tokenId, clientId, at, expiresAt);
    }
}
