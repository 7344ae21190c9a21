package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.codes.DeviceAuthorization;

import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDeviceAuthorizations;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUsers;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.DeviceStart;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenRequest;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 8628 on the use cases alone: start, the user's answer on the device page, and the polling token endpoint. */
class DeviceFlowServiceTest {

    private static final String ISSUER = "https://api.example";

    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final InMemoryClients clients = new InMemoryClients(new InMemoryDatabase());
    private final InMemoryDeviceAuthorizations devices = new InMemoryDeviceAuthorizations(clock);
    private final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens(new InMemoryDatabase());
    private final InMemoryAuditLog audit = new InMemoryAuditLog(new InMemoryDatabase());
    private final UserId ada = new UserId(UUID.randomUUID());
    private final DeviceFlowService flow;
    private final TokenService tokens;

    DeviceFlowServiceTest() {
        clients.add(new OAuthClient("tv", "TV app", ClientAuthMethod.NONE, null, List.of(),
                Set.of(GrantType.DEVICE_CODE, GrantType.REFRESH_TOKEN), Scopes.USER_SESSION, null, Instant.EPOCH));
        clients.add(new OAuthClient("web", "Web app", ClientAuthMethod.NONE, null,
                List.of(new RedirectUri("https://app.example/callback")),
                Set.of(GrantType.AUTHORIZATION_CODE), Scopes.USER_SESSION, null, Instant.EPOCH));
        OAuthSettings oauthSettings = new OAuthSettings(ISSUER, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(ISSUER, ISSUER + "/mcp"), true, 100);
        RefreshTokens oauthRefreshTokens = new InMemoryRefreshTokens(new InMemoryDatabase());
        SecretGenerator oauthSecrets = Fakes.counting();
        IdGenerator oauthIds = IdGenerator.random();
        Resources oauthResources = new Resources(oauthSettings);
        ClientVerifier oauthVerifier = new ClientVerifier(clients);
        TokenMinter oauthMinter = new TokenMinter(null, accessTokens, oauthRefreshTokens, audit,
                oauthSecrets, oauthIds, clock, oauthSettings, new Fakes.RecordingUnitOfWork());
        flow = new DeviceFlowService(oauthVerifier, clients, oauthResources, devices, audit, oauthSecrets, clock,
                oauthSettings, Scopes.parseSpaceDelimited("memories:read"), new Fakes.CountingRateLimiter());
        tokens = new TokenService(oauthVerifier, oauthResources, oauthMinter, null, devices, oauthRefreshTokens,
                accessTokens, new InMemoryUsers(new InMemoryDatabase()), new Fakes.RecordingUnitOfWork(), audit,
                oauthIds, clock, Map.of());
    }

    @Test
    void theDevicePollsUntilTheUserApprovesThenGetsTokensOnce() {
        DeviceStart start = started();
        assertTrue(start.userCode().matches("[A-Z]{4}-[A-Z]{4}"), start.userCode());

        assertEquals("authorization_pending", pollError(start));
        clock.advance(Duration.ofSeconds(5));

        String typedLoosely = start.userCode().replace("-", " ").toLowerCase(Locale.ROOT);
        assertEquals("tv", done(flow.decide(ada, "10.0.0.1", typedLoosely, true)));
        assertTrue(Fakes.auditTypes(audit).contains(AuditEvent.Type.DEVICE_APPROVED));

        TokenResponse issued = assertInstanceOf(TokenResponse.class, ((OAuthResult.Ok<?>) assertInstanceOf(
                OAuthResult.Ok.class, poll(start))).value());
        IssuedAccessToken access = accessTokens.byTokenHash(new MachineSecret(issued.accessToken()).hash()).orElseThrow();
        assertEquals(ada, access.userId(), "the token acts for the user who approved");
        assertNotNull(issued.refreshToken());

        clock.advance(Duration.ofSeconds(5));
        assertEquals("invalid_grant", pollError(start), "a device code buys tokens once");
    }

    @Test
    void pollingFasterThanTheIntervalIsToldToSlowDown() {
        DeviceStart start = started();
        assertEquals("authorization_pending", pollError(start));
        assertEquals("slow_down", pollError(start));
        clock.advance(Duration.ofSeconds(6));
        assertEquals("slow_down", pollError(start), "the interval grew by 5 s, to 10 s");
        clock.advance(Duration.ofSeconds(16));
        assertEquals("authorization_pending", pollError(start), "waiting out the grown interval (15 s) is fine");
    }

    @Test
    void aDenialAndAnExpiryEndTheFlow() {
        DeviceStart denied = started();
        done(flow.decide(ada, "10.0.0.1", denied.userCode(), false));
        assertEquals("access_denied", pollError(denied));
        assertInstanceOf(Rejection.NotFound.class, rejected(flow.find(ada, "10.0.0.1", denied.userCode())),
                "an answered code cannot be answered again");

        // RFC 8628 section 3.5: a device still polling after its code expired is told expired_token; the
        // store keeps the code that long (DeviceAuthorization.REPORTED_EXPIRED_FOR), in process and in Redis
        DeviceStart expired = started();
        clock.advance(Duration.ofMinutes(11));
        assertEquals("expired_token", pollError(expired));
        assertInstanceOf(Rejection.NotFound.class, rejected(flow.find(ada, "10.0.0.1", expired.userCode())),
                "an expired user code cannot be answered");
        clock.advance(DeviceAuthorization.REPORTED_EXPIRED_FOR);
        assertEquals("invalid_grant", pollError(expired), "long after, the code is simply unknown");
    }

    @Test
    void guessingUserCodesIsLimitedPerUser() {
        started();
        for (int i = 0; i < DeviceFlowService.GUESSES_PER_USER; i++) {
            assertInstanceOf(Rejection.NotFound.class, rejected(flow.find(ada, "10.0.0." + i, "WXYZ-WXYZ")));
        }
        assertInstanceOf(Rejection.RateLimited.class, rejected(flow.find(ada, "10.0.0.99", "WXYZ-WXYZ")));
    }

    @Test
    void onlyDeviceClientsWithinTheirScopesMayStart() {
        assertEquals("unauthorized_client", error(flow.start(client("web"), null, List.of())));
        assertEquals("invalid_client", error(flow.start(client("nobody"), null, List.of())));
        assertEquals("invalid_target", error(flow.start(client("tv"), null, List.of("https://elsewhere.example"))));
        assertEquals("invalid_scope", error(flow.start(client("tv"), "memories:read admin", List.of())));
    }

    private DeviceStart started() {
        OAuthResult<DeviceStart> result = flow.start(client("tv"), null, List.of(ISSUER + "/mcp"));
        return (DeviceStart) assertInstanceOf(OAuthResult.Ok.class, result, () -> "refused: " + result).value();
    }

    private OAuthResult<TokenResponse> poll(DeviceStart start) {
        return tokens.issue(client("tv"), new TokenRequest("urn:ietf:params:oauth:grant-type:device_code", null, null,
                null, null, null, List.of(), start.deviceCode()));
    }

    private String pollError(DeviceStart start) {
        return error(poll(start));
    }

    private static String error(OAuthResult<?> result) {
        return assertInstanceOf(OAuthResult.Err.class, result, () -> "accepted: " + result).error().error();
    }

    private static ClientAuthentication client(String id) {
        return new ClientAuthentication(id, null, ClientAuthentication.Method.NONE);
    }
}
