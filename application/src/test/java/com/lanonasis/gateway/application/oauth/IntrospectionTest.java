package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
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

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.Introspection;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 7662 §4: a token is described only to its own client or to a resource server it is for. */
class IntrospectionTest {

    private static final String MCP = "https://api.example/mcp";

    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final InMemoryClients clients = new InMemoryClients(new InMemoryDatabase());
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(new InMemoryDatabase());
    private final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens(new InMemoryDatabase());
    private final InMemoryUsers users = new InMemoryUsers(new InMemoryDatabase());
    private final User user = new User(new UserId(UUID.randomUUID()), new Email("ada@example.com"), null, Role.USER,
            Instant.EPOCH);
    private final TokenService service;

    IntrospectionTest() {
        users.add(new UserAccount(user, new PasswordHash("x")));
        for (String id : List.of("owner", "mcp-server", "nosy")) {
            clients.add(new OAuthClient(id, id, ClientAuthMethod.CLIENT_SECRET_BASIC,
                    new MachineSecret(id + "-secret").hash(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS),
                    Scopes.USER_SESSION, null, Instant.EPOCH));
        }
        OAuthSettings oauthSettings = new OAuthSettings("https://api.example", Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5),
                Duration.ofMinutes(10), List.of("https://api.example", MCP, "https://api.example/api/v1"), true, 100);
        AuditLog oauthAudit = new InMemoryAuditLog(new InMemoryDatabase());
        SecretGenerator oauthSecrets = Fakes.counting();
        IdGenerator oauthIds = IdGenerator.random();
        Resources oauthResources = new Resources(oauthSettings);
        ClientVerifier oauthVerifier = new ClientVerifier(clients);
        TokenMinter oauthMinter = new TokenMinter(null, accessTokens, refreshTokens, oauthAudit,
                oauthSecrets, oauthIds, clock, oauthSettings, new Fakes.RecordingUnitOfWork());
        service = new TokenService(oauthVerifier, oauthResources, oauthMinter, null, null, refreshTokens,
                accessTokens, users, new Fakes.RecordingUnitOfWork(), oauthAudit, oauthIds, clock,
                Map.of("mcp-server", Set.of(MCP)));
        accessTokens.add(new IssuedAccessToken(new AccessTokenClaims("jti", user.id().toString(), "owner", List.of(MCP),
                Scopes.parseSpaceDelimited("memories:read"), clock.instant(), clock.instant().plusSeconds(900)),
                user.id(), new MachineSecret("access").hash(), "family", null));
        refreshTokens.add(new RefreshToken(new MachineSecret("refresh").hash(),
                "family", "owner", user.id(), Scopes.parseSpaceDelimited("memories:read"), List.of(MCP),
                clock.instant(), clock.instant().plusSeconds(3600), null, null));
    }

    @Test
    void theOwnClientLearnsEverything() {
        assertEquals("ada@example.com", assertInstanceOf(Introspection.ActiveAccessToken.class,
                introspect("owner", "access")).username());
        assertInstanceOf(Introspection.ActiveRefreshToken.class, introspect("owner", "refresh"));
    }

    @Test
    void aResourceServerTheAccessTokenIsForLearnsAboutItButNotAboutRefreshTokens() {
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect("mcp-server", "access"));
        assertInstanceOf(Introspection.Inactive.class, introspect("mcp-server", "refresh"));
    }

    @Test
    void anyOtherClientIsToldTheTokenIsInactive() {
        assertInstanceOf(Introspection.Inactive.class, introspect("nosy", "access"));
        assertInstanceOf(Introspection.Inactive.class, introspect("nosy", "refresh"));
    }

    private Introspection introspect(String client, String token) {
        OAuthResult<Introspection> result = service.introspect(new ClientAuthentication(client, client + "-secret",
                ClientAuthentication.Method.BASIC), token);
        return (Introspection) assertInstanceOf(OAuthResult.Ok.class, result).value();
    }
}
