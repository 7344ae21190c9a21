package com.lanonasis.gateway.adapters.persistence.crypto;

import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.SignedToken;
import com.lanonasis.gateway.domain.tokens.SigningKey;
import com.lanonasis.gateway.domain.tokens.port.out.SigningKeys;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * ES256 tokens ({@link Es256}: Bouncy Castle's P-256 arithmetic, several times faster than the JCA
 * providers on JDK 17) with keys from the store: user tokens ({@code typ: JWT}), signed and verified, and
 * OAuth access tokens ({@code typ: at+jwt}, RFC 9068), signed here and checked by their record, or,
 * self-contained ones (client_credentials), verified here ({@link #verifyAccessToken}). The first start creates a key and stores it, so later starts
 * and other instances sign and verify with the same one. Rotation adds a key and retires the
 * old one, which keeps verifying and stays in the JWKS for {@code retiredKeyGrace}; after that a
 * token it signed is refused everywhere: only keys that are published verify.
 */
public final class JwtTokenSigner implements TokenSigner, OAuthTokenSigner {

    static final JOSEObjectType USER_TOKEN_TYPE = JOSEObjectType.JWT;
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    private static final String TOKEN_USE = "token_use";
    private static final String USER = "user";
    private final SigningKeys keys;
    private final String issuer;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final Duration retiredKeyGrace;
    /** Keys by kid as last read from the store (empty: unknown kid), re-read after {@link #RELOAD_AFTER}. */
    private final Map<String, Loaded> verifiers = new ConcurrentHashMap<>();
    private volatile Current current;
    /**
     * Access tokens already verified, by their exact text (a signature check is ~70 µs; a token is
     * presented many times). Bounded: emptied when full. Whether the signing key is still published is
     * checked again at each use; expiry and revocation are the caller's.
     */
    private final Map<String, Verified> verifiedAccessTokens = new ConcurrentHashMap<>();
    static final int MAX_VERIFIED = 10_000;
    /** Told the kid of the new key after a rotation here (the cross-instance fan-out listens). */
    private volatile Consumer<String> rotated = kid -> { };

    /**
     * How long a key's state read from the store is trusted: another instance may retire it
     * meanwhile (once known retired, a key cannot come back, so it is not re-read).
     */
    static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    private record Current(ECKey key, JWSSigner signer) {
    }

    private record Verified(AccessTokenClaims claims, String kid) {
    }

    private record Loaded(Optional<JWSVerifier> verifier, Instant retiredAt, Instant loadedAt) {

        boolean stale(Instant now) {
            return retiredAt == null && loadedAt.plus(RELOAD_AFTER).isBefore(now);
        }
    }

    public JwtTokenSigner(SigningKeys keys, String issuer, SecretGenerator secrets, Clock clock,
                          Duration retiredKeyGrace) {
        this.keys = keys;
        this.issuer = issuer;
        this.secrets = secrets;
        this.clock = clock;
        this.retiredKeyGrace = retiredKeyGrace;
        this.current = current(keys.signing().stream().findFirst().map(JwtTokenSigner::parse)
                .orElseGet(this::createKey));
    }

    @Override
    public SignedToken sign(UserTokenClaims claims) {
        return sign(USER_TOKEN_TYPE, new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.subject().toString())
                .jwtID(claims.tokenId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim("email", claims.email())
                .claim("role", claims.role().wireName())
                .claim("scope", claims.scopes().spaceDelimited())
                .claim(TOKEN_USE, USER)
                .build());
    }

    @Override
    public Optional<UserTokenClaims> verify(String compact) {
        return verified(compact, USER_TOKEN_TYPE).flatMap(claims -> {
            try {
                if (!USER.equals(claims.getStringClaim(TOKEN_USE))) {
                    return Optional.empty();
                }
                return Optional.of(new UserTokenClaims(claims.getJWTID(), UserId.parse(claims.getSubject()),
                        claims.getStringClaim("email"), Role.fromWire(claims.getStringClaim("role")),
                        Scopes.parseSpaceDelimited(claims.getStringClaim("scope")),
                        claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
            } catch (ParseException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public SignedToken signAccessToken(AccessTokenClaims claims) {
        return sign(ACCESS_TOKEN_TYPE, new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.subject())
                .audience(claims.audience())
                .jwtID(claims.tokenId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim("client_id", claims.clientId())
                .claim("scope", claims.scopes().spaceDelimited())
                .build());
    }

    @Override
    public Optional<AccessTokenClaims> verifyAccessToken(String compact) {
        Verified known = verifiedAccessTokens.get(compact);
        if (known != null) {
            Loaded loaded = verifiers.get(known.kid());
            Instant now = clock.instant();
            if (loaded != null && !loaded.stale(now) && published(loaded, now)) {
                return Optional.of(known.claims());
            }
            verifiedAccessTokens.remove(compact);
        }
        return checked(compact, ACCESS_TOKEN_TYPE).flatMap(checked -> {
            JWTClaimsSet claims = checked.claims();
            try {
                String clientId = claims.getStringClaim("client_id");
                String scope = claims.getStringClaim("scope");
                if (clientId == null || scope == null) {
                    return Optional.empty();
                }
                AccessTokenClaims access = new AccessTokenClaims(claims.getJWTID(), claims.getSubject(), clientId,
                        claims.getAudience(), Scopes.parseSpaceDelimited(scope), claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant());
                if (verifiedAccessTokens.size() >= MAX_VERIFIED) {
                    verifiedAccessTokens.clear();
                }
                verifiedAccessTokens.put(compact, new Verified(access, checked.kid()));
                return Optional.of(access);
            } catch (ParseException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String publicKeySet() {
        List<JWK> published = keys.verifying(clock.instant().minus(retiredKeyGrace)).stream()
                .map(JwtTokenSigner::parse)
                .map(key -> (JWK) key.toPublicJWK())
                .toList();
        return new JWKSet(published).toString(true);
    }

    /**
     * Adds a key and retires every older signing key (not only this instance's current one): two
     * rotations racing on two instances leave the newer key signing, which {@link #refresh()}
     * then picks up everywhere; neither retires the other's newer key.
     */
    @Override
    public void rotate() {
        String kid;
        synchronized (this) {
            Instant createdAt = clock.instant();
            String previous = current.key().getKeyID();
            ECKey created = createKey(createdAt);
            for (SigningKey older : keys.signing()) {
                if (!older.kid().equals(created.getKeyID())
                        && (older.createdAt().isBefore(createdAt) || older.kid().equals(previous))) {
                    keys.retire(older.kid(), createdAt);
                    verifiers.remove(older.kid());
                }
            }
            current = current(created);
            kid = created.getKeyID();
        }
        rotated.accept(kid);
    }

    /** Whom to tell after a rotation on this instance (replaces the previous listener). */
    public void onRotation(Consumer<String> listener) {
        this.rotated = listener == null ? kid -> { } : listener;
    }

    /** The kid of the key this instance signs with now. */
    public String currentKid() {
        return current.key().getKeyID();
    }

    /**
     * Re-reads which key signs: another instance may have rotated. Cheap (one indexed query), so
     * it runs on every fan-out notice and on a short interval as a backstop.
     */
    public synchronized void refresh() {
        keys.signing().stream().findFirst().ifPresent(newest -> {
            String previous = current.key().getKeyID();
            if (!newest.kid().equals(previous)) {
                current = current(parse(newest));
                verifiers.remove(previous);
                verifiers.remove(newest.kid());
            }
        });
    }

    private SignedToken sign(JOSEObjectType type, JWTClaimsSet claims) {
        Current signing = current;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(signing.key().getKeyID()).type(type).build(), claims);
        try {
            jwt.sign(signing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return new SignedToken(jwt.serialize());
    }

    /** The claims of a token of the given type with a valid signature by one of our keys and our issuer. */
    private Optional<JWTClaimsSet> verified(String compact, JOSEObjectType type) {
        return checked(compact, type).map(Checked::claims);
    }

    private record Checked(JWTClaimsSet claims, String kid) {
    }

    private Optional<Checked> checked(String compact, JOSEObjectType type) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !type.equals(header.getType())
                    || header.getKeyID() == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Loaded loaded = verifiers.get(header.getKeyID());
            if (loaded == null || loaded.stale(now)) {
                loaded = loadVerifier(header.getKeyID(), now);
                verifiers.put(header.getKeyID(), loaded);
            }
            if (!published(loaded, now) || !jwt.verify(loaded.verifier().get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || claims.getIssueTime() == null || claims.getJWTID() == null || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new Checked(claims, header.getKeyID()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A key verifies while it is in the JWKS: still signing, or retired less than the grace ago. */
    private boolean published(Loaded loaded, Instant now) {
        return loaded.verifier().isPresent()
                && (loaded.retiredAt() == null || loaded.retiredAt().plus(retiredKeyGrace).isAfter(now));
    }

    /** Unknown key ids are remembered as absent too, so forged kids cannot make every request hit the store. */
    private Loaded loadVerifier(String kid, Instant now) {
        if (verifiers.size() > 1000) {
            verifiers.clear();
        }
        Optional<SigningKey> stored = keys.find(kid);
        Optional<JWSVerifier> verifier = stored.map(JwtTokenSigner::parse).map(key -> {
            try {
                return Es256.verifier(key);
            } catch (JOSEException e) {
                throw new IllegalStateException("stored signing key is unusable", e);
            }
        });
        return new Loaded(verifier, stored.map(SigningKey::retiredAt).orElse(null), now);
    }

    private ECKey createKey() {
        return createKey(clock.instant());
    }

    private ECKey createKey(Instant createdAt) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(secrets.alphanumeric(16))
                    .algorithm(JWSAlgorithm.ES256).generate();
            keys.add(new SigningKey(key.getKeyID(), JWSAlgorithm.ES256.getName(),
                    new SigningKey.PrivateJwk(key.toJSONString()), createdAt, null));
            verifiers.remove(key.getKeyID());
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private static Current current(ECKey key) {
        try {
            return new Current(key, Es256.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("stored signing key is unusable", e);
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
