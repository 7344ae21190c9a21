package com.lanonasis.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.codes.Pkce;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.ApiKeySecret;
import com.lanonasis.gateway.domain.keys.PresentedApiKey;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.Secret;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.tokens.SignedToken;
import com.lanonasis.gateway.domain.tokens.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityValuesTest {

    private static final String KEY_ID = "AbCdEfGhIjKlMnOpQrStUvWx";

    @Test
    void apiKeysParseInTheirOneFormat() {
        PresentedApiKey complete = PresentedApiKey.parse("pk_" + KEY_ID + ".sk_secret123");
        assertInstanceOf(PresentedApiKey.Complete.class, complete);
        assertEquals("secret123", ((PresentedApiKey.Complete) complete).secret().reveal());
        assertEquals(new ApiKeyId(KEY_ID), ((PresentedApiKey.Complete) complete).id());

        assertInstanceOf(PresentedApiKey.MissingSecret.class, PresentedApiKey.parse("pk_" + KEY_ID));
        assertInstanceOf(PresentedApiKey.MissingSecret.class, PresentedApiKey.parse("pk_" + KEY_ID + ".abc"));
        for (String junk : new String[] {null, "", "hello", "sk_abc", "pk_short.sk_x", "pk_" + KEY_ID + ".sk_",
                "pk_" + KEY_ID + ".sk_" + "x".repeat(129)}) {
            assertInstanceOf(PresentedApiKey.Malformed.class, PresentedApiKey.parse(junk), String.valueOf(junk));
        }
    }

    @Test
    void secretHashesMatchOnlyTheirSecret() {
        SecretHash hash = SecretHash.of(new ApiKeySecret("s3cret"));
        assertTrue(hash.hex().matches("[0-9a-f]{64}"));
        assertTrue(hash.matches(new ApiKeySecret("s3cret")));
        assertFalse(hash.matches(new ApiKeySecret("s3cret ")));
        assertEquals(hash, new MachineSecret("s3cret").hash(), "the same digest whatever the secret's kind");
        assertThrows(IllegalArgumentException.class, () -> new SecretHash("nothex"));
    }

    @Test
    void everySecretRedactsItsToString() {
        List<Secret> secrets = List.of(Password.presented("hunter2hunter2"), new PasswordHash("$argon2id$hunter2"),
                new ApiKeySecret("hunter2"), new MachineSecret("hunter2"), new SignedToken("hunter2.jwt.x"),
                new SigningKey.PrivateJwk("{\"d\":\"hunter2\"}"));
        for (Secret secret : secrets) {
            assertTrue(secret.reveal().contains("hunter2"));
            assertFalse(secret.toString().contains("hunter2"), secret.getClass().getSimpleName());
            assertTrue(secret.toString().contains("[REDACTED]"));
        }
    }

    @Test
    void scopesAllowByNameAliasAndUmbrella() {
        Scopes mcp = Scopes.parseSpaceDelimited("mcp:full");
        assertTrue(mcp.allows(Scope.MEMORIES_DELETE));
        assertTrue(mcp.allows(Scope.API_KEYS_WRITE));
        assertFalse(mcp.allows(new Scope("profile")));
        assertFalse(mcp.allows(Scope.ADMIN));

        Scopes read = Scopes.parseSpaceDelimited("read");
        assertTrue(read.allows(Scope.MEMORIES_READ));
        assertFalse(read.allows(Scope.MEMORIES_WRITE));
        assertTrue(Scopes.parseSpaceDelimited("write").allows(Scope.MEMORIES_DELETE));
        assertTrue(Scopes.parseSpaceDelimited("admin").allows(new Scope("anything:at-all")));
        assertTrue(Scopes.parseSpaceDelimited("memories:read").within(Scopes.USER_SESSION));
        assertFalse(Scopes.parseSpaceDelimited("admin").within(Scopes.USER_SESSION));
        assertTrue(Scopes.forRole(Role.ADMIN).values().contains(Scope.ADMIN));
        assertFalse(Scopes.forRole(Role.USER).values().contains(Scope.ADMIN));
        assertThrows(InvalidValue.class, () -> new Scope("has space"));
        assertThrows(InvalidValue.class, () -> new Scope("quote\""));
        assertEquals("a b", Scopes.parseSpaceDelimited("  b  a ").spaceDelimited());
    }

    @Test
    void loopbackRedirectsMatchAnyPortButNothingElse() {
        RedirectUri loopback = new RedirectUri("http://127.0.0.1/callback");
        assertTrue(loopback.matches("http://127.0.0.1/callback"));
        assertTrue(loopback.matches("http://127.0.0.1:51004/callback"));
        assertFalse(loopback.matches("http://127.0.0.1:51004/other"));
        assertFalse(loopback.matches("http://localhost:51004/callback"), "host must match too");
        assertFalse(loopback.matches("http://127.0.0.1.evil.example/callback"));
        assertFalse(loopback.matches("http://user@127.0.0.1:5/callback"));

        RedirectUri https = new RedirectUri("https://app.example/cb");
        assertTrue(https.matches("https://app.example/cb"));
        assertFalse(https.matches("https://app.example:8443/cb"), "only loopback ignores the port");
        assertFalse(https.matches("https://app.example/cb?x=1"));
        assertTrue(https.isHttpsOrLoopback());
        assertFalse(new RedirectUri("http://app.example/cb").isHttpsOrLoopback());
        assertEquals("https://app.example", https.origin());
        assertThrows(InvalidValue.class, () -> new RedirectUri("https://app.example/cb#frag"));
        assertThrows(InvalidValue.class, () -> new RedirectUri("/relative"));
    }

    @Test
    void pkceIsS256AndChecksTheVerifier() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.s256(verifier), "RFC 7636 appendix B");
        assertTrue(Pkce.verifies(verifier, Pkce.s256(verifier)));
        assertFalse(Pkce.verifies(verifier + "x", Pkce.s256(verifier)));
        assertFalse(Pkce.verifies("short", Pkce.s256("short")));
        assertTrue(Pkce.isWellFormedChallenge(Pkce.s256(verifier)));
        assertFalse(Pkce.isWellFormedChallenge(verifier + "="));
    }

    @Test
    void clientsCheckTheirInvariantsWhenBuilt() {
        List<RedirectUri> redirects = List.of(new RedirectUri("http://127.0.0.1/cb"));
        SecretHash secret = new MachineSecret("s").hash();
        Instant now = Instant.now();
        assertThrows(InvalidValue.class, () -> new OAuthClient("c", null, ClientAuthMethod.NONE, secret, redirects,
                Set.of(GrantType.AUTHORIZATION_CODE), Scopes.USER_SESSION, null, now), "public with a secret");
        assertThrows(InvalidValue.class, () -> new OAuthClient("c", null, ClientAuthMethod.CLIENT_SECRET_BASIC, null,
                redirects, Set.of(GrantType.AUTHORIZATION_CODE), Scopes.USER_SESSION, null, now), "no secret");
        assertThrows(InvalidValue.class, () -> new OAuthClient("c", null, ClientAuthMethod.NONE, null, redirects,
                Set.of(GrantType.CLIENT_CREDENTIALS), Scopes.USER_SESSION, null, now), "public client credentials");
        assertThrows(InvalidValue.class, () -> new OAuthClient("c", null, ClientAuthMethod.NONE, null, List.of(),
                Set.of(GrantType.AUTHORIZATION_CODE), Scopes.USER_SESSION, null, now), "code flow without redirect");
        OAuthClient ok = new OAuthClient("c", null, ClientAuthMethod.NONE, null, redirects,
                Set.of(GrantType.AUTHORIZATION_CODE), Scopes.USER_SESSION, null, now);
        assertTrue(ok.redirectFor("http://127.0.0.1:9/cb").isPresent());
        assertFalse(ok.isDynamic());
    }
}
