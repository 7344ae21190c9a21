package com.lanonasis.gateway.adapters.persistence.cache;

import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import java.time.Instant;
import java.util.Optional;

/** OAuth access-token records by token hash from {@link CredentialCache}; revocation invalidates every instance. */
public final class CachedAccessTokens implements AccessTokens {

    private final AccessTokens store;
    private final CredentialCache.Region<SecretHash, IssuedAccessToken> byHash;

    public CachedAccessTokens(AccessTokens store, CredentialCache cache) {
        this.store = store;
        this.byHash = cache.region();
    }

    @Override
    public void add(IssuedAccessToken token) {
        store.add(token);
    }

    @Override
    public Optional<IssuedAccessToken> byTokenHash(SecretHash hash) {
        return byHash.get(hash, () -> store.byTokenHash(hash));
    }

    @Override
    public void revoke(String tokenId, Instant at) {
        store.revoke(tokenId, at);
    }

    @Override
    public void revokeFamily(String familyId, Instant at) {
        store.revokeFamily(familyId, at);
    }
}
