package com.lanonasis.gateway.adapters.persistence.crypto;

import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretGenerator;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.SignedToken;
import com.lanonasis.gateway.domain.tokens.SigningKey;
import com.lanonasis.gateway.domain.tokens.SigningKeys;
import com.lanonasis.gateway.domain.tokens.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ES256 user tokens with keys from the store. The first start creates a key and stores it, so
 * every later start (and every other instance) signs and verifies with the same one.
 */
public final class JwtTokenSigner implements TokenSigner {

    /** Marks user tokens apart from the OAuth access tokens ({@code at+jwt}) this service will also sign. */
    static final JOSEObjectType USER_TOKEN_TYPE = JOSEObjectType.JWT;
    private static final String TOKEN_USE = "token_use";
    private static final String USER = "user";

    private final SigningKeys keys;
    private final String issuer;
    private final ECKey current;
    private final ECDSASigner signer;
    private final Map<String, Optional<ECDSAVerifier>> verifiers = new ConcurrentHashMap<>();

    public JwtTokenSigner(SigningKeys keys, String issuer, SecretGenerator secrets, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.current = keys.signing().stream().findFirst()
                .map(JwtTokenSigner::parse)
                .orElseGet(() -> createKey(keys, secrets, clock));
        try {
            this.signer = new ECDSASigner(current);
        } catch (JOSEException e) {
            throw new IllegalStateException("stored signing key is unusable", e);
        }
    }

    @Override
    public SignedToken sign(UserTokenClaims claims) {
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.subject().toString())
                .jwtID(claims.tokenId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim("email", claims.email())
                .claim("role", claims.role().wireName())
                .claim("scope", claims.scopes().spaceDelimited())
                .claim(TOKEN_USE, USER)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(current.getKeyID()).type(USER_TOKEN_TYPE).build(), set);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return new SignedToken(jwt.serialize());
    }

    @Override
    public Optional<UserTokenClaims> verify(String compact) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !USER_TOKEN_TYPE.equals(header.getType())
                    || header.getKeyID() == null) {
                return Optional.empty();
            }
            Optional<ECDSAVerifier> verifier = verifiers.computeIfAbsent(header.getKeyID(), this::loadVerifier);
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || !USER.equals(claims.getStringClaim(TOKEN_USE))
                    || claims.getExpirationTime() == null || claims.getIssueTime() == null
                    || claims.getJWTID() == null) {
                return Optional.empty();
            }
            return Optional.of(new UserTokenClaims(claims.getJWTID(), UserId.parse(claims.getSubject()),
                    claims.getStringClaim("email"), Role.fromWire(claims.getStringClaim("role")),
                    Scopes.parseSpaceDelimited(claims.getStringClaim("scope")),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Unknown key ids are remembered as absent too, so forged kids cannot make every request hit the store. */
    private Optional<ECDSAVerifier> loadVerifier(String kid) {
        if (verifiers.size() > 1000) {
            verifiers.clear();
        }
        return keys.find(kid).map(JwtTokenSigner::parse).map(key -> {
            try {
                return new ECDSAVerifier(key.toECPublicKey());
            } catch (JOSEException e) {
                throw new IllegalStateException("stored signing key is unusable", e);
            }
        });
    }

    private static ECKey createKey(SigningKeys keys, SecretGenerator secrets, Clock clock) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(secrets.alphanumeric(16))
                    .algorithm(JWSAlgorithm.ES256).generate();
            keys.add(new SigningKey(key.getKeyID(), JWSAlgorithm.ES256.getName(),
                    new SigningKey.PrivateJwk(key.toJSONString()), clock.instant(), null));
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private static ECKey parse(SigningKey stored) {
        try {
            return ECKey.parse(stored.privateJwk().reveal());
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + stored.kid() + " is unreadable", e);
        }
    }
}
