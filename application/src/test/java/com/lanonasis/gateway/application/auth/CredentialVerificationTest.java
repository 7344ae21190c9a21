package com.lanonasis.gateway.application.auth;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUsers;
import com.lanonasis.gateway.embedded.inmemory.InMemoryApiKeys;
import com.lanonasis.gateway.embedded.inmemory.OpaqueTokenSigner;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Authentication.CredentialProblem;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResource;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResources;
import com.lanonasis.gateway.application.auth.port.in.WatchCredentialUseCase;
import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.ApiKeySecret;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialVerificationTest {

    private static final String KEY_ID = "AbCdEfGhIjKlMnOpQrStUvWx";

    private final InMemoryUsers users = new InMemoryUsers(new InMemoryDatabase());
    private final InMemoryApiKeys apiKeys = new InMemoryApiKeys(new InMemoryDatabase());
    private final OpaqueTokenSigner userTokens = new OpaqueTokenSigner(SecretGenerator.secureRandom());
    private final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens(new InMemoryDatabase());
    private final Map<SecretHash, WebSession> sessions = new HashMap<>();
    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final CredentialVerification verification = new CredentialVerification(userTokens, accessTokens,
            new WebSessions() {
                @Override
                public void add(WebSession session) {
                    sessions.put(session.idHash(), session);
                }

                @Override
                public Optional<WebSession> find(SecretHash idHash) {
                    return Optional.ofNullable(sessions.get(idHash));
                }

                @Override
                public void remove(SecretHash idHash) {
                    sessions.remove(idHash);
                }

                @Override
                public java.util.List<WebSession> ofUser(UserId owner) {
                    return sessions.values().stream().filter(s -> s.userId().equals(owner)).toList();
                }

                @Override
                public void seen(SecretHash idHash, Instant at) {
                    sessions.computeIfPresent(idHash, (hash, s) -> s.seenAt(at));
                }
            }, apiKeys, users, clock);
    private final User user = new User(new UserId(UUID.randomUUID()), new Email("ada@example.com"), null, Role.USER,
            Instant.EPOCH);

    {
        users.add(new UserAccount(user, new PasswordHash("x")));
    }

    @Test
    void apiKeyAuthenticatesWithItsOwnScopesAndRecordsUseAtMostEveryMinute() {
        storeKey(null, null);

        Principal principal = authenticated(new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret"));
        assertEquals(user.id(), principal.userId());
        assertEquals(CredentialKind.API_KEY, principal.via());
        assertEquals(Scopes.parseSpaceDelimited("memories:read"), principal.scopes());
        authenticated(new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret"));
        Instant firstUse = clock.instant();
        assertEquals(firstUse, lastUsed());
        clock.advance(Duration.ofSeconds(30));
        authenticated(new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret"));
        assertEquals(firstUse, lastUsed(), "second use within a minute is not written");
        clock.advance(Duration.ofMinutes(2));
        authenticated(new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret"));
        assertEquals(clock.instant(), lastUsed());
    }

    @Test
    void apiKeyProblemsAreTold() {
        storeKey(null, null);
        assertEquals(CredentialProblem.API_KEY_SECRET_MISSING, problem(new Credential.ApiKey("pk_" + KEY_ID)));
        assertEquals(CredentialProblem.MALFORMED, problem(new Credential.ApiKey("garbage")));
        assertEquals(CredentialProblem.INVALID, problem(new Credential.ApiKey("pk_" + KEY_ID + ".sk_wrong")));
        assertEquals(CredentialProblem.INVALID, problem(new Credential.ApiKey("pk_ZZZZZZZZZZZZZZZZZZZZZZZZ.sk_secret")));
    }

    @Test
    void revokedAndExpiredKeysAreRefused() {
        storeKey(null, clock.instant());
        assertEquals(CredentialProblem.INVALID, problem(new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret")));

        String expiring = "ZyXwVuTsRqPoNmLkJiHgFeDc";
        storeKey(expiring, clock.instant().plusSeconds(60), null);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(CredentialProblem.EXPIRED, problem(new Credential.ApiKey("pk_" + expiring + ".sk_secret")));
    }

    @Test
    void userTokensExpire() {
        String token = userTokens.sign(new UserTokenClaims("jti", user.id(), "ada@example.com", Role.USER,
                Scopes.USER_SESSION, clock.instant(), clock.instant().plusSeconds(60))).reveal();
        assertEquals(CredentialKind.USER_TOKEN, authenticated(new Credential.BearerToken(token)).via());

        clock.advance(Duration.ofMinutes(2));
        assertEquals(CredentialProblem.EXPIRED, problem(new Credential.BearerToken(token)));
        assertEquals(CredentialProblem.INVALID, problem(new Credential.BearerToken("forged")));
    }

    @Test
    void oauthTokensAreFoundByHashAndCarryClientAndAudience() {
        AccessTokenClaims claims = new AccessTokenClaims("jti-1", user.id().toString(), "cli",
                List.of("https://api.example/mcp"), Scopes.parseSpaceDelimited("memories:read"), clock.instant(),
                clock.instant().plusSeconds(900));
        accessTokens.add(new IssuedAccessToken(claims, user.id(), new MachineSecret("opaque-1").hash(), "family",
                null));

        Principal principal = authenticated(new Credential.BearerToken("opaque-1"));
        assertEquals("cli", principal.clientId());
        assertEquals(List.of("https://api.example/mcp"), principal.audience());
        assertEquals(CredentialKind.OAUTH_TOKEN, principal.via());

        accessTokens.revokeFamily("family", clock.instant());
        assertEquals(CredentialProblem.INVALID, problem(new Credential.BearerToken("opaque-1")));
    }

    @Test
    void clientCredentialTokensCarryNoUserSoCannotActForOne() {
        AccessTokenClaims claims = new AccessTokenClaims("jti-2", "service", "service", List.of(),
                Scopes.parseSpaceDelimited("memories:read"), clock.instant(), clock.instant().plusSeconds(900));
        accessTokens.add(new IssuedAccessToken(claims, null, new MachineSecret("opaque-2").hash(), "f2", null));

        assertEquals(CredentialProblem.INVALID, problem(new Credential.BearerToken("opaque-2")));
    }

    @Test
    void webSessionsLastUntilTheyExpire() {
        sessions.put(new MachineSecret("cookie").hash(), new WebSession(new MachineSecret("cookie").hash(),
                user.id(), clock.instant(), clock.instant().plusSeconds(60)));
        Principal caller = authenticated(new Credential.SessionCookie("cookie"));
        assertEquals(CredentialKind.WEB_SESSION, caller.via());
        assertTrue(caller.credentialId().matches("ws_[0-9a-f]{32}"), caller.credentialId());
        assertFalse(caller.credentialId().contains(new MachineSecret("cookie").hash().hex().substring(0, 32)),
                "the public session id must not reveal the stored hash");

        clock.advance(Duration.ofMinutes(2));
        assertEquals(CredentialProblem.INVALID, problem(new Credential.SessionCookie("cookie")));
    }

    @Test
    void roleAndScopesAreTheUsersCurrentOnesAtEveryUse() {
        User admin = new User(new UserId(UUID.randomUUID()), new Email("root@example.com"), null, Role.ADMIN,
                Instant.EPOCH);
        users.add(new UserAccount(admin, new PasswordHash("x")));
        String token = userTokens.sign(new UserTokenClaims("jti-a", admin.id(), "root@example.com", Role.ADMIN,
                Scopes.forRole(Role.ADMIN), clock.instant(), clock.instant().plusSeconds(600))).reveal();
        apiKeys.add(new ApiKey(new ApiKeyId(KEY_ID), admin.id(), "k", Scopes.parseSpaceDelimited("admin memories:read"),
                SecretHash.of(new ApiKeySecret("secret")), clock.instant(), null, null, null));
        Credential key = new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret");
        assertTrue(authenticated(new Credential.BearerToken(token)).scopes().names().contains("admin"));
        assertTrue(authenticated(key).scopes().names().contains("admin"));

        users.changeRole(admin.id(), Role.USER);

        Principal demoted = authenticated(new Credential.BearerToken(token));
        assertEquals(Role.USER, demoted.role());
        assertFalse(demoted.scopes().names().contains("admin"), demoted.scopes().names().toString());
        assertEquals(List.of("memories:read"), authenticated(key).scopes().names());
    }

    @Test
    void aLoginTokenOfAUserWhoIsGoneIsInvalid() {
        User gone = new User(new UserId(UUID.randomUUID()), new Email("gone@example.com"), null, Role.USER,
                Instant.EPOCH);
        String token = userTokens.sign(new UserTokenClaims("jti-g", gone.id(), "gone@example.com", Role.USER,
                Scopes.USER_SESSION, clock.instant(), clock.instant().plusSeconds(600))).reveal();
        assertEquals(CredentialProblem.INVALID, problem(new Credential.BearerToken(token)));
    }

    @Test
    void eachResourceAcceptsOnlyItsOwnCredentials() {
        ProtectedResources resources = ProtectedResources.forIssuer("https://api.example", false);
        String login = userTokens.sign(new UserTokenClaims("jti-l", user.id(), "ada@example.com", Role.USER,
                Scopes.USER_SESSION, clock.instant(), clock.instant().plusSeconds(600))).reveal();
        accessTokens.add(new IssuedAccessToken(new AccessTokenClaims("jti-m", user.id().toString(), "cli",
                List.of("https://api.example/mcp"), Scopes.parseSpaceDelimited("memories:read"), clock.instant(),
                clock.instant().plusSeconds(900)), user.id(), new MachineSecret("for-mcp").hash(), "fm", null));
        storeKey(null, null);
        Credential key = new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret");

        assertInstanceOf(Authentication.Authenticated.class, verification.authenticate(
                new Credential.BearerToken(login), resources.api()));
        assertEquals(CredentialProblem.NOT_FOR_THIS_RESOURCE, problem(new Credential.BearerToken(login), resources.mcp()));
        assertInstanceOf(Authentication.Authenticated.class, verification.authenticate(
                new Credential.BearerToken("for-mcp"), resources.mcp()));
        assertEquals(CredentialProblem.NOT_FOR_THIS_RESOURCE,
                problem(new Credential.BearerToken("for-mcp"), resources.api()));
        assertInstanceOf(Authentication.Authenticated.class, verification.authenticate(key, resources.api()));
        assertInstanceOf(Authentication.Authenticated.class, verification.authenticate(key, resources.mcp()));
        assertInstanceOf(Authentication.Authenticated.class, verification.authenticate(
                new Credential.BearerToken(login), ProtectedResources.forIssuer("https://api.example", true).mcp()));
    }

    @Test
    void watchedCredentialsAreCheckedOncePerPeriodAndTheirConnectionsToldWhenRevoked() {
        LiveCredentials live = new LiveCredentials(verification);
        ProtectedResources resources = ProtectedResources.forIssuer("https://api.example", false);
        storeKey(null, null);
        Credential key = new Credential.ApiKey("pk_" + KEY_ID + ".sk_secret");
        List<CredentialProblem> told = new java.util.ArrayList<>();
        live.watch(key, resources.mcp(), told::add);
        live.watch(key, resources.mcp(), told::add);
        WatchCredentialUseCase.Watch stopped = live.watch(key, resources.mcp(), told::add);
        stopped.stop();

        live.recheck();
        assertEquals(List.of(), told);
        assertEquals(2, live.size());

        assertTrue(apiKeys.revoke(new ApiKeyId(KEY_ID), user.id(), clock.instant()));
        live.recheck();
        assertEquals(List.of(CredentialProblem.INVALID, CredentialProblem.INVALID), told, "each open connection once");
        assertEquals(0, live.size());
        live.recheck();
        assertEquals(2, told.size());
    }

    private CredentialProblem problem(Credential credential, ProtectedResource resource) {
        return assertInstanceOf(Authentication.Unauthenticated.class, verification.authenticate(credential, resource))
                .problem();
    }

    private void storeKey(Instant expiresAt, Instant revokedAt) {
        storeKey(KEY_ID, expiresAt, revokedAt);
    }

    private void storeKey(String id, Instant expiresAt, Instant revokedAt) {
        apiKeys.add(new ApiKey(new ApiKeyId(id), user.id(), "k", Scopes.parseSpaceDelimited("memories:read"),
                SecretHash.of(new ApiKeySecret("secret")), clock.instant(), expiresAt, null, revokedAt));
    }

    private Principal authenticated(Credential credential) {
        return assertInstanceOf(Authentication.Authenticated.class, verification.authenticate(credential)).principal();
    }

    private CredentialProblem problem(Credential credential) {
        return assertInstanceOf(Authentication.Unauthenticated.class, verification.authenticate(credential)).problem();
    }

    private Instant lastUsed() {
        return apiKeys.findById(new com.lanonasis.gateway.domain.keys.ApiKeyId(KEY_ID)).orElseThrow().lastUsedAt();
    }
}
