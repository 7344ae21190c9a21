package com.lanonasis.gateway.application.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.Introspection;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.Clients;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.shared.IdGenerator;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.RefreshTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 7662 §4: a token is described only to its own client or to a resource server it is for. */
class IntrospectionTest {

    private static final String MCP = "https://api.example/mcp";

    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final Map<String, OAuthClient> clients = new HashMap<>();
    private final Map<SecretHash, RefreshToken> refreshTokens = new HashMap<>();
    private final Fakes.InMemoryAccessTokens accessTokens = new Fakes.InMemoryAccessTokens();
    private final Fakes.InMemoryUsers users = new Fakes.InMemoryUsers();
    private final User user = new User(new UserId(UUID.randomUUID()), new Email("ada@example.com"), null, Role.USER,
            Instant.EPOCH);
    private final TokenService service;

    IntrospectionTest() {
        users.add(new UserAccount(user, new PasswordHash("x")));
        for (String id : List.of("owner", "mcp-server", "nosy")) {
            clients.put(id, new OAuthClient(id, id, ClientAuthMethod.CLIENT_SECRET_BASIC,
                    new MachineSecret(id + "-secret").hash(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS),
                    Scopes.USER_SESSION, null, Instant.EPOCH));
        }
        OAuthComponents components = new OAuthComponents(new Clients() {
            @Override
            public Optional<OAuthClient> find(String clientId) {
                return Optional.ofNullable(clients.get(clientId));
            }

            @Override
            public void add(OAuthClient client) {
                clients.put(client.clientId(), client);
            }

            @Override
            public boolean replace(OAuthClient client) {
                return clients.put(client.clientId(), client) != null;
            }

            @Override
            public boolean remove(String clientId) {
                return clients.remove(clientId) != null;
            }

            @Override
            public long countDynamic() {
                return 0;
            }
        }, accessTokens, new RefreshTokens() {
            @Override
            public void add(RefreshToken token) {
                refreshTokens.put(token.hash(), token);
            }

            @Override
            public Optional<RefreshToken> find(SecretHash hash) {
                return Optional.ofNullable(refreshTokens.get(hash));
            }

            @Override
            public boolean rotate(SecretHash hash, Instant at) {
                return false;
            }

            @Override
            public void revokeFamily(String familyId, Instant at) {
            }
        }, null, new Fakes.RecordingAuditLog(), Fakes.counting(), IdGenerator.random(), clock,
                new OAuthSettings("https://api.example", Duration.ofMinutes(5), Duration.ofMinutes(15),
                        Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10),
                        List.of("", "/mcp", "/api/v1"), true, 100));
        service = new TokenService(components, null, null, users, new Fakes.RecordingUnitOfWork(),
                Map.of("mcp-server", Set.of(MCP)));
        accessTokens.add(new IssuedAccessToken(new AccessTokenClaims("jti", user.id().toString(), "owner", List.of(MCP),
                Scopes.parseSpaceDelimited("memories:read"), clock.instant(), clock.instant().plusSeconds(900)),
                user.id(), new MachineSecret("access").hash(), "family", null));
        refreshTokens.put(new MachineSecret("refresh").hash(), new RefreshToken(new MachineSecret("refresh").hash(),
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
