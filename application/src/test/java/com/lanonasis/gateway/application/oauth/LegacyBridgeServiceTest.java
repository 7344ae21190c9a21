package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUsers;
import com.lanonasis.gateway.embedded.inmemory.OpaqueTokenSigner;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import java.time.Clock;
import java.util.Map;
import static com.lanonasis.gateway.application.fakes.Outcomes.done;
import static com.lanonasis.gateway.application.fakes.Outcomes.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The legacy bridge on the use case alone: a login token becomes OAuth tokens that end with the login. */
class LegacyBridgeServiceTest {

    private static final String ISSUER = "https://api.example";

    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final InMemoryClients clients = new InMemoryClients(new InMemoryDatabase());
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(new InMemoryDatabase());
    private final InMemoryUsers users = new InMemoryUsers(new InMemoryDatabase());
    private final OpaqueTokenSigner logins = new OpaqueTokenSigner(SecretGenerator.secureRandom());
    private final User ada = new User(new UserId(UUID.randomUUID()), new Email("ada@example.com"), null, Role.USER,
            Instant.EPOCH, false);
    private final LegacyBridgeService bridge;

    LegacyBridgeServiceTest() {
        users.add(new UserAccount(ada, new PasswordHash("x")));
        clients.add(new OAuthClient("cli", "CLI", ClientAuthMethod.NONE, null,
                List.of(new RedirectUri("http://127.0.0.1:7777/cb")),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), Scopes.USER_SESSION, null, Instant.EPOCH));
        clients.add(new OAuthClient("machine", "Machine", ClientAuthMethod.CLIENT_SECRET_BASIC,
                new MachineSecret("machine-secret").hash(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS),
                Scopes.USER_SESSION, null, Instant.EPOCH));
        OAuthSettings oauthSettings = new OAuthSettings(ISSUER, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(ISSUER, ISSUER + "/mcp"), true, 100);
        AccessTokens oauthAccessTokens = new InMemoryAccessTokens(new InMemoryDatabase());
        AuditLog oauthAudit = new InMemoryAuditLog(new InMemoryDatabase());
        SecretGenerator oauthSecrets = Fakes.counting();
        IdGenerator oauthIds = IdGenerator.random();
        Resources oauthResources = new Resources(oauthSettings);
        ClientVerifier oauthVerifier = new ClientVerifier(clients);
        TokenMinter oauthMinter = new TokenMinter(null, oauthAccessTokens, refreshTokens, oauthAudit,
                oauthSecrets, oauthIds, clock, oauthSettings, new Fakes.RecordingUnitOfWork());
        bridge = new LegacyBridgeService(oauthVerifier, oauthResources, oauthMinter, oauthIds, clock, logins, users,
                new Fakes.RecordingUnitOfWork());
    }

    @Test
    void aLoginTokenBuysTokensWhoseRefreshEndsWithTheLogin() {
        Instant loginEnds = clock.instant().plus(Duration.ofHours(2));
        OAuthResult<TokenResponse> result = bridge.exchange(login(loginEnds), cli(), "memories:read", List.of());
        TokenResponse tokens = (TokenResponse) assertInstanceOf(OAuthResult.Ok.class, result).value();

        assertEquals(loginEnds, refreshTokens.find(new MachineSecret(tokens.refreshToken()).hash()).orElseThrow()
                .expiresAt(), "not the usual 30 days: the grant is bounded by the login it came from");
        assertEquals(Set.of("memories:read"), Set.copyOf(tokens.scopes().names()));
    }

    @Test
    void anExpiredForgedOrOrphanedLoginIsAnInvalidGrant() {
        String expired = login(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofMinutes(2));
        assertEquals("invalid_grant", error(bridge.exchange(expired, cli(), null, List.of())));
        assertEquals("invalid_grant", error(bridge.exchange("not-a-login-token", cli(), null, List.of())));

        users.setDisabled(ada.id(), true);
        assertEquals("invalid_grant", error(bridge.exchange(login(clock.instant().plusSeconds(600)), cli(), null,
                List.of())), "a disabled account's login buys nothing");
    }

    @Test
    void onlyUserFacingClientsWithinTheirScopesMayExchange() {
        String login = login(clock.instant().plusSeconds(600));
        assertEquals("unauthorized_client", error(bridge.exchange(login,
                new ClientAuthentication("machine", "machine-secret", ClientAuthentication.Method.BASIC), null,
                List.of())));
        assertEquals("invalid_client", error(bridge.exchange(login, new ClientAuthentication("nobody", null,
                ClientAuthentication.Method.NONE), null, List.of())));
        assertEquals("invalid_scope", error(bridge.exchange(login, cli(), "memories:read admin", List.of())));
        assertEquals("invalid_target", error(bridge.exchange(login, cli(), null, List.of("https://elsewhere.example"))));
    }

    @Test
    void introspectionNamesTheUserOfAValidLoginOnly() {
        assertEquals(ada.id(), done(bridge.introspect(login(clock.instant().plusSeconds(600)))).id());
        assertInstanceOf(Rejection.InvalidCredentials.class, rejected(bridge.introspect("nope")));
        assertInstanceOf(Rejection.InvalidCredentials.class, rejected(bridge.introspect(" ")));
    }

    private String login(Instant expiresAt) {
        return logins.sign(new UserTokenClaims(UUID.randomUUID().toString(), ada.id(), ada.email().value(), Role.USER,
                Scopes.USER_SESSION, clock.instant(), expiresAt)).reveal();
    }

    private static ClientAuthentication cli() {
        return new ClientAuthentication("cli", null, ClientAuthentication.Method.NONE);
    }

    private static String error(OAuthResult<?> result) {
        return assertInstanceOf(OAuthResult.Err.class, result, () -> "accepted: " + result).error().error();
    }
}
