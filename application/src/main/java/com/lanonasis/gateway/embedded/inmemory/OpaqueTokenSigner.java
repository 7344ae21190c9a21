package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.SignedToken;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues opaque random tokens and remembers their claims, instead of signing JWTs: the embedded core
 * verifies tokens by record anyway (access tokens by the hash of their value), and needs no key pair.
 * It publishes an empty JWK set. The service signs ES256 JWTs with {@code JwtTokenSigner}.
 */
public final class OpaqueTokenSigner implements TokenSigner, OAuthTokenSigner {

    private final SecretGenerator secrets;
    private final Map<String, UserTokenClaims> userTokens = new ConcurrentHashMap<>();

    public OpaqueTokenSigner(SecretGenerator secrets) {
        this.secrets = secrets;
    }

    @Override
    public SignedToken sign(UserTokenClaims claims) {
        String token = "ut_" + secrets.alphanumeric(43);
        userTokens.put(token, claims);
        return new SignedToken(token);
    }

    @Override
    public Optional<UserTokenClaims> verify(String compact) {
        return Optional.ofNullable(userTokens.get(compact));
    }

    @Override
    public SignedToken signAccessToken(AccessTokenClaims claims) {
        return new SignedToken("at_" + secrets.alphanumeric(43));
    }

    @Override
    public String publicKeySet() {
        return "{\"keys\":[]}";
    }

    @Override
    public void rotate() {
    }
}
