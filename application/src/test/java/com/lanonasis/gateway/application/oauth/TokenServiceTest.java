package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuthorizationCodes;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUsers;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import java.time.Clock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenRequest;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.Pkce;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The token endpoint's rules, on the use case alone: PKCE, single-use codes, refresh rotation, client credentials. */
class TokenServiceTest {

    private static final String ISSUER = "https://api.example";
    private static final String MCP = ISSUER + "/mcp";
    private static final String REDIRECT = "http://127.0.0.1:7777/callback";
    private static final String VERIFIER = "v".repeat(43) + "-verifier";

    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final InMemoryClients clients = new InMemoryClients(new InMemoryDatabase());
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(new InMemoryDatabase());
    private final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes(clock);
    private final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens(new InMemoryDatabase());
    private final InMemoryAuditLog audit = new InMemoryAuditLog(new InMemoryDatabase());
    private final Fakes.RecordingUnitOfWork unitOfWork = new Fakes.RecordingUnitOfWork();
    private final InMemoryUsers users = new InMemoryUsers(new InMemoryDatabase());
    private final User user = new User(new UserId(UUID.randomUUID()), new Email("ada@example.com"), null, Role.USER,
            Instant.EPOCH);
    private final TokenService service;

    TokenServiceTest() {
        users.add(new UserAccount(user, new PasswordHash("x")));
        clients.add(new OAuthClient("cli", "CLI", ClientAuthMethod.NONE, null, List.of(new RedirectUri(REDIRECT)),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), Scopes.USER_SESSION, null, Instant.EPOCH));
        clients.add(new OAuthClient("service", "Service", ClientAuthMethod.CLIENT_SECRET_BASIC,
                new MachineSecret("service-secret").hash(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS),
                Scopes.parseSpaceDelimited("memories:read"), null, Instant.EPOCH));
        OAuthSettings oauthSettings = new OAuthSettings(ISSUER, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(ISSUER, ISSUER + "/mcp", ISSUER + "/api/v1"), true, 100);
        SecretGenerator oauthSecrets = Fakes.counting();
        IdGenerator oauthIds = IdGenerator.random();
        Resources oauthResources = new Resources(oauthSettings);
        ClientVerifier oauthVerifier = new ClientVerifier(clients);
        TokenMinter oauthMinter = new TokenMinter(null, accessTokens, refreshTokens, audit,
                oauthSecrets, oauthIds, clock, oauthSettings, new Fakes.RecordingUnitOfWork());
        service = new TokenService(oauthVerifier, oauthResources, oauthMinter, codes, null, refreshTokens,
                accessTokens, users, unitOfWork, audit, oauthIds, clock, Map.of());
    }

    @Test
    void aCodeWithTheRightVerifierBuysTokensForItsResourceOnce() {
        issueCode("code-1", "family-1");

        TokenResponse tokens = ok(service.issue(publicClient(), codeRequest("code-1", VERIFIER)));

        assertNotNull(tokens.refreshToken(), "the client may refresh");
        IssuedAccessToken issued = accessTokens.byTokenHash(new MachineSecret(tokens.accessToken()).hash()).orElseThrow();
        assertEquals(List.of(MCP), issued.claims().audience());
        assertEquals(user.id(), issued.userId());
        assertTrue(Fakes.auditTypes(audit).contains(AuditEvent.Type.TOKEN_ISSUED));
    }

    @Test
    void aReplayedCodeFailsAndRevokesWhatItsFirstUseProduced() {
        issueCode("code-1", "family-1");
        TokenResponse first = ok(service.issue(publicClient(), codeRequest("code-1", VERIFIER)));

        assertEquals("invalid_grant", error(service.issue(publicClient(), codeRequest("code-1", VERIFIER))).error());

        assertNotNull(accessTokens.byTokenHash(new MachineSecret(first.accessToken()).hash()).orElseThrow().revokedAt(),
                "the first access token is revoked");
        assertNotNull(refreshTokens.find(new MachineSecret(first.refreshToken()).hash()).orElseThrow().revokedAt());
        assertTrue(Fakes.auditTypes(audit).contains(AuditEvent.Type.CODE_REPLAY_DETECTED));
        assertEquals(0, unitOfWork.rollbacks, "the refusal's revocations are committed, not rolled back");
    }

    @Test
    void aWrongVerifierOrRedirectOrClientIsTheSameInvalidGrant() {
        issueCode("code-1", "f1");
        assertEquals("invalid_grant",
                error(service.issue(publicClient(), codeRequest("code-1", "w".repeat(43)))).error());
        issueCode("code-2", "f2");
        assertEquals("invalid_grant", error(service.issue(publicClient(), new TokenRequest("authorization_code",
                "code-2", "http://127.0.0.1:7777/other", VERIFIER, null, null, List.of(MCP), null))).error());
        assertEquals("invalid_grant", error(service.issue(publicClient(), codeRequest("never-issued", VERIFIER))).error());
        assertTrue(accessTokens.all().isEmpty(), "nothing was issued");
    }

    @Test
    void anExpiredCodeIsRefused() {
        issueCode("code-1", "f1");
        clock.advance(Duration.ofMinutes(6));
        assertEquals("invalid_grant", error(service.issue(publicClient(), codeRequest("code-1", VERIFIER))).error());
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenEndsTheWholeFamily() {
        issueCode("code-1", "family-1");
        TokenResponse first = ok(service.issue(publicClient(), codeRequest("code-1", VERIFIER)));

        TokenResponse second = ok(service.issue(publicClient(), refreshRequest(first.refreshToken(), null)));
        assertNotEquals(first.refreshToken(), second.refreshToken(), "a new refresh token each time");

        assertEquals("invalid_grant", error(service.issue(publicClient(), refreshRequest(first.refreshToken(), null)))
                .error());
        assertTrue(Fakes.auditTypes(audit).contains(AuditEvent.Type.REFRESH_REUSE_DETECTED));
        assertNotNull(refreshTokens.find(new MachineSecret(second.refreshToken()).hash()).orElseThrow().revokedAt(),
                "the thief's and the owner's latest refresh token die together");
        assertNotNull(accessTokens.byTokenHash(new MachineSecret(second.accessToken()).hash()).orElseThrow().revokedAt());
    }

    @Test
    void refreshMayNarrowButNeverWidenTheScope() {
        issueCode("code-1", "family-1");
        TokenResponse first = ok(service.issue(publicClient(), codeRequest("code-1", VERIFIER)));

        assertEquals("invalid_scope", error(service.issue(publicClient(), refreshRequest(first.refreshToken(),
                "memories:read admin"))).error());
        TokenResponse narrowed = ok(service.issue(publicClient(), refreshRequest(first.refreshToken(), "memories:read")));
        assertEquals(Set.of("memories:read"), Set.copyOf(narrowed.scopes().names()));
    }

    @Test
    void clientCredentialsNeedTheSecretAndStayWithinTheClientsScopes() {
        ClientAuthentication right = new ClientAuthentication("service", "service-secret", ClientAuthentication.Method.BASIC);
        TokenResponse tokens = ok(service.issue(right, new TokenRequest("client_credentials", null, null, null, null,
                null, List.of(), null)));
        assertNull(tokens.refreshToken(), "no refresh token for a machine");
        assertNull(accessTokens.byTokenHash(new MachineSecret(tokens.accessToken()).hash()).orElseThrow().userId());

        assertEquals("invalid_client", error(service.issue(new ClientAuthentication("service", "wrong",
                ClientAuthentication.Method.BASIC), new TokenRequest("client_credentials", null, null, null, null, null,
                List.of(), null))).error());
        assertEquals("invalid_scope", error(service.issue(right, new TokenRequest("client_credentials", null, null, null,
                null, "memories:write", List.of(), null))).error());
        assertEquals("unauthorized_client", error(service.issue(right, codeRequest("x", VERIFIER))).error());
        assertEquals("unsupported_grant_type", error(service.issue(right, new TokenRequest("password", null, null, null,
                null, null, List.of(), null))).error());
    }

    private void issueCode(String code, String family) {
        codes.add(new AuthorizationCode(new MachineSecret(code).hash(), "cli", user.id(), REDIRECT,
                Scopes.parseSpaceDelimited("memories:read memories:write"), Pkce.s256(VERIFIER), List.of(MCP), family,
                clock.instant().plus(Duration.ofMinutes(5))));
    }

    private static ClientAuthentication publicClient() {
        return new ClientAuthentication("cli", null, ClientAuthentication.Method.NONE);
    }

    private static TokenRequest codeRequest(String code, String verifier) {
        return new TokenRequest("authorization_code", code, REDIRECT, verifier, null, null, List.of(MCP), null);
    }

    private static TokenRequest refreshRequest(String refreshToken, String scope) {
        return new TokenRequest("refresh_token", null, null, null, refreshToken, scope, List.of(), null);
    }

    private static TokenResponse ok(OAuthResult<TokenResponse> result) {
        return assertInstanceOf(OAuthResult.Ok.class, result, () -> "refused: " + result).value() instanceof
                TokenResponse response ? response : null;
    }

    private static OAuthError error(OAuthResult<TokenResponse> result) {
        return assertInstanceOf(OAuthResult.Err.class, result, () -> "accepted: " + result).error();
    }
}
