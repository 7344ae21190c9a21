package com.lanonasis.gateway.adapters.persistence.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.adapters.persistence.jdbc.DatabaseSettings;
import com.lanonasis.gateway.adapters.persistence.jdbc.Databases;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcSigningKeys;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtTokenSignerTest {

    private final JdbcSigningKeys keys = new JdbcSigningKeys(new JdbcDatabase(Databases.open(new DatabaseSettings(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, 2), "test")));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final UserTokenClaims claims = new UserTokenClaims("jti", new UserId(UUID.randomUUID()), "ada@example.com",
            Role.USER, Scopes.USER_SESSION, now, now.plusSeconds(600));

    @Test
    void keySurvivesARestartAndTokensStayVerifiable() {
        JwtTokenSigner first = signer("https://issuer.example");
        String token = first.sign(claims).reveal();

        JwtTokenSigner afterRestart = signer("https://issuer.example");

        assertEquals(Optional.of(claims), afterRestart.verify(token));
        assertEquals(1, keys.signing().size(), "no second key was made");
    }

    @Test
    void forgedForeignOrTamperedTokensAreRefused() {
        JwtTokenSigner signer = signer("https://issuer.example");
        String token = signer.sign(claims).reveal();
        String[] parts = token.split("\\.");

        assertEquals(Optional.empty(), signer.verify(parts[0] + "." + parts[1] + "x." + parts[2]));
        assertEquals(Optional.empty(), signer.verify("not.a.jwt"));
        assertEquals(Optional.empty(), signer("https://other.example").verify(token), "another issuer");
        String accessToken = signer.signAccessToken(new AccessTokenClaims("j2", "sub", "cli", List.of("https://r"),
                Scopes.USER_SESSION, now, now.plusSeconds(60))).reveal();
        assertEquals(Optional.empty(), signer.verify(accessToken), "an access token is not a user token");
    }

    @Test
    void accessTokensFollowRfc9068() throws Exception {
        String token = signer("https://issuer.example").signAccessToken(new AccessTokenClaims("j2", "user-1", "cli",
                List.of("https://r.example/mcp"), Scopes.parseSpaceDelimited("memories:read"), now,
                now.plusSeconds(60))).reveal();

        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        assertEquals("https://issuer.example", jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of("https://r.example/mcp"), jwt.getJWTClaimsSet().getAudience());
        assertEquals("cli", jwt.getJWTClaimsSet().getStringClaim("client_id"));
        assertEquals("memories:read", jwt.getJWTClaimsSet().getStringClaim("scope"));
        assertEquals("j2", jwt.getJWTClaimsSet().getJWTID());
    }

    @Test
    void rotationKeepsOldTokensValidAndPublishesBothKeys() throws Exception {
        JwtTokenSigner signer = signer("https://issuer.example");
        String old = signer.sign(claims).reveal();

        signer.rotate();
        String fresh = signer.sign(claims).reveal();

        assertNotEquals(SignedJWT.parse(old).getHeader().getKeyID(), SignedJWT.parse(fresh).getHeader().getKeyID());
        assertTrue(signer.verify(old).isPresent());
        assertTrue(signer("https://issuer.example").verify(old).isPresent(), "other instances too");
        JWKSet published = JWKSet.parse(signer.publicKeySet());
        assertEquals(2, published.getKeys().size());
        assertFalse(published.getKeys().stream().anyMatch(key -> key.isPrivate()));
    }

    @Test
    void aKeyRetiredLongerThanTheGraceNoLongerVerifiesAnywhere() throws Exception {
        MovableClock clock = new MovableClock(now);
        JwtTokenSigner signer = new JwtTokenSigner(keys, "https://issuer.example", SecretGenerator.secureRandom(),
                clock, Duration.ofDays(1));
        UserTokenClaims longLived = new UserTokenClaims("jti-long", claims.subject(), claims.email(), Role.USER,
                Scopes.USER_SESSION, now, now.plus(Duration.ofDays(30)));
        String old = signer.sign(longLived).reveal();
        assertTrue(signer.verify(old).isPresent());
        JwtTokenSigner other = new JwtTokenSigner(keys, "https://issuer.example", SecretGenerator.secureRandom(),
                clock, Duration.ofDays(1));
        assertTrue(other.verify(old).isPresent(), "another instance has the key cached as signing");

        signer.rotate();
        clock.now = now.plus(Duration.ofHours(23));
        assertTrue(signer.verify(old).isPresent(), "within the grace");
        clock.now = now.plus(Duration.ofDays(2));

        assertEquals(Optional.empty(), signer.verify(old));
        assertEquals(Optional.empty(), other.verify(old), "the other instance re-reads the key and sees it retired");
        assertEquals(1, JWKSet.parse(signer.publicKeySet()).getKeys().size(), "and it is gone from the JWKS");
        assertTrue(signer.verify(signer.sign(longLived).reveal()).isPresent());
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void argon2HashesAreSaltedPhcStrings() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(1024, 1, 1);
        PasswordHash first = hasher.hash(Password.presented("correct horse"));
        PasswordHash second = hasher.hash(Password.presented("correct horse"));

        assertTrue(first.reveal().startsWith("$argon2id$"));
        assertNotEquals(first.reveal(), second.reveal(), "salted");
        assertTrue(hasher.matches(Password.presented("correct horse"), first));
        assertFalse(hasher.matches(Password.presented("wrong horse"), first));
        assertFalse(hasher.matches(Password.presented("x"), new PasswordHash("not a hash")));
    }

    @Test
    void anotherInstanceSignsWithTheRotatedKeyOnceItRereadsIt() throws Exception {
        JwtTokenSigner first = signer("https://issuer.example");
        JwtTokenSigner second = signer("https://issuer.example");
        List<String> announced = new java.util.ArrayList<>();
        first.onRotation(announced::add);

        first.rotate();

        assertEquals(List.of(first.currentKid()), announced, "the new kid is announced, once");
        assertNotEquals(first.currentKid(), second.currentKid(), "not yet re-read");
        second.refresh();
        assertEquals(first.currentKid(), second.currentKid());
        assertEquals(first.currentKid(), SignedJWT.parse(second.sign(claims).reveal()).getHeader().getKeyID());
        assertTrue(first.verify(second.sign(claims).reveal()).isPresent());

        first.rotate();
        Thread.sleep(5);
        second.rotate();
        first.refresh();
        assertEquals(1, keys.signing().size(), "a later rotation elsewhere retires every older key");
        assertEquals(second.currentKid(), first.currentKid());
    }

    private JwtTokenSigner signer(String issuer) {
        return new JwtTokenSigner(keys, issuer, SecretGenerator.secureRandom(), Clock.systemUTC(), Duration.ofDays(1));
    }
}
