package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.oauth.port.in.ClientMetadata;
import com.lanonasis.gateway.application.oauth.port.in.RegisteredClient;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.shared.FieldError;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.Rejection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** RFC 7591/7592 on the use case alone: what a registration may ask for, and who may manage it afterwards. */
class ClientRegistrationServiceTest {

    private static final String ISSUER = "https://api.example";
    private static final List<String> LOOPBACK = List.of("http://127.0.0.1:7777/callback");

    private final InMemoryClients clients = new InMemoryClients(new InMemoryDatabase());
    private final InMemoryAuditLog audit = new InMemoryAuditLog(new InMemoryDatabase());
    private final ClientRegistrationService service = service(3, 100);

    @Test
    void aPublicClientGetsAnIdAndAManagementTokenButNoSecret() {
        RegisteredClient registered = done(service.register(publicClient(LOOPBACK), "10.0.0.1"));

        assertTrue(registered.client().clientId().startsWith("dcr_"));
        assertNull(registered.clientSecret());
        assertNotNull(registered.registrationAccessToken());
        assertEquals(ClientRegistrationService.DEFAULT_SCOPES, registered.client().scopes());
        assertTrue(Fakes.auditTypes(audit).contains(AuditEvent.Type.CLIENT_REGISTERED));
    }

    @Test
    void aConfidentialClientGetsASecretOnceAndKeepsItWhenUpdated() {
        RegisteredClient registered = done(service.register(new ClientMetadata(LOOPBACK, "Svc", null, null,
                "client_secret_basic", null), "10.0.0.1"));
        assertNotNull(registered.clientSecret());

        RegisteredClient updated = done(service.update(registered.client().clientId(),
                registered.registrationAccessToken(), new ClientMetadata(LOOPBACK, "Renamed", null, null,
                        "client_secret_basic", null)));
        assertNull(updated.clientSecret(), "the secret is not shown again");
        assertEquals(registered.client().secretHash(), updated.client().secretHash());
        assertEquals("Renamed", clients.find(registered.client().clientId()).orElseThrow().name());
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, rejected(service.register(
                new ClientMetadata(List.of("http://example.com/cb", "https://user@example.com/cb"), "Bad\u202Ename",
                        List.of("implicit"), null, "private_key_jwt", "admin"), "10.0.0.1")));

        Set<String> fields = invalid.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        assertEquals(Set.of("client_name", "redirect_uris", "grant_types", "token_endpoint_auth_method", "scope"),
                fields, invalid.errors().toString());
        assertTrue(clients.countDynamic() == 0, "nothing was stored");
    }

    @Test
    void onlyTheRegistrationTokenManagesTheClientAndDeleteEndsIt() {
        RegisteredClient registered = done(service.register(publicClient(LOOPBACK), "10.0.0.1"));
        String id = registered.client().clientId();

        assertInstanceOf(Rejection.InvalidCredentials.class, rejected(service.read(id, "wrong")));
        assertInstanceOf(Rejection.InvalidCredentials.class, rejected(service.delete(id, null)));
        assertEquals(id, done(service.read(id, registered.registrationAccessToken())).client().clientId());

        assertEquals(id, done(service.delete(id, registered.registrationAccessToken())));
        assertTrue(clients.find(id).isEmpty());
        assertInstanceOf(Rejection.InvalidCredentials.class,
                rejected(service.read(id, registered.registrationAccessToken())), "gone is the same as unknown");
        assertTrue(Fakes.auditTypes(audit).contains(AuditEvent.Type.CLIENT_DELETED));
    }

    @Test
    void registrationsAreLimitedPerOriginAndInTotal() {
        for (int i = 0; i < 3; i++) {
            done(service.register(publicClient(LOOPBACK), "10.0.0.1"));
        }
        assertInstanceOf(Rejection.RateLimited.class, rejected(service.register(publicClient(LOOPBACK), "10.0.0.1")));
        done(service.register(publicClient(LOOPBACK), "10.0.0.2"));

        ClientRegistrationService full = service(100, (int) clients.countDynamic());
        assertEquals("registration_capacity", assertInstanceOf(Rejection.Conflict.class,
                rejected(full.register(publicClient(LOOPBACK), "10.0.0.3"))).code());
    }

    private ClientRegistrationService service(int perMinute, int maxClients) {
        OAuthSettings oauthSettings = new OAuthSettings(ISSUER, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(ISSUER, ISSUER + "/mcp"), true, maxClients);
        AccessTokens oauthAccessTokens = new InMemoryAccessTokens(new InMemoryDatabase());
        RefreshTokens oauthRefreshTokens = new InMemoryRefreshTokens(new InMemoryDatabase());
        SecretGenerator oauthSecrets = Fakes.counting();
        IdGenerator oauthIds = IdGenerator.random();
        Clock oauthClock = new Fakes.ManualClock();
        Resources oauthResources = new Resources(oauthSettings);
        ClientVerifier oauthVerifier = new ClientVerifier(clients);
        TokenMinter oauthMinter = new TokenMinter(null, oauthAccessTokens, oauthRefreshTokens, audit,
                oauthSecrets, oauthIds, oauthClock, oauthSettings, new Fakes.RecordingUnitOfWork());
        return new ClientRegistrationService(clients, audit, oauthSecrets, oauthClock, oauthSettings,
                ClientRegistrationService.DEFAULT_SCOPES, new Fakes.CountingRateLimiter(), perMinute);
    }

    private static ClientMetadata publicClient(List<String> redirects) {
        return new ClientMetadata(redirects, "My CLI", List.of("authorization_code", "refresh_token"), List.of("code"),
                "none", null);
    }
}
