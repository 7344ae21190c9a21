package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuthorizationCodes;
import com.lanonasis.gateway.embedded.inmemory.InMemoryConsents;
import com.lanonasis.gateway.embedded.inmemory.InMemoryPendingAuthorizations;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationRequest;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenRequest;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.codes.Pkce;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The authorization endpoint's decisions, on the use case alone, and the code it issues redeemed at the token use case. */
class AuthorizationServiceTest {

    private static final String ISSUER = "https://api.example";
    private static final String REDIRECT = "http://127.0.0.1:7777/callback";
    private static final String VERIFIER = "v".repeat(50);

    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final InMemoryClients clients = new InMemoryClients(new InMemoryDatabase());
    private final InMemoryConsents consents = new InMemoryConsents(new InMemoryDatabase(), clock);
    private final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog(new InMemoryDatabase());
    private final UserId ada = new UserId(UUID.randomUUID());
    private final AuthorizationService authorization;
    private final TokenService tokens;

    AuthorizationServiceTest() {
        clients.add(new OAuthClient("cli", "CLI", ClientAuthMethod.NONE, null, List.of(new RedirectUri(REDIRECT)),
                Set.of(GrantType.AUTHORIZATION_CODE), Scopes.USER_SESSION, null, Instant.EPOCH));
        clients.add(new OAuthClient("registered", "Someone's app", ClientAuthMethod.NONE, null,
                List.of(new RedirectUri(REDIRECT)), Set.of(GrantType.AUTHORIZATION_CODE),
                Scopes.parseSpaceDelimited("memories:read"), new MachineSecret("rat").hash(), Instant.EPOCH));
        OAuthSettings oauthSettings = new OAuthSettings(ISSUER, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(ISSUER, ISSUER + "/mcp", ISSUER + "/api/v1"), true, 100);
        AccessTokens oauthAccessTokens = new InMemoryAccessTokens(new InMemoryDatabase());
        RefreshTokens oauthRefreshTokens = new InMemoryRefreshTokens(new InMemoryDatabase());
        SecretGenerator oauthSecrets = Fakes.counting();
        IdGenerator oauthIds = IdGenerator.random();
        Resources oauthResources = new Resources(oauthSettings);
        ClientVerifier oauthVerifier = new ClientVerifier(clients);
        TokenMinter oauthMinter = new TokenMinter(null, oauthAccessTokens, oauthRefreshTokens, audit,
                oauthSecrets, oauthIds, clock, oauthSettings, new Fakes.RecordingUnitOfWork());
        authorization = new AuthorizationService(clients, oauthResources, consents,
                new InMemoryPendingAuthorizations(clock), codes, audit, oauthSecrets, oauthIds, clock, oauthSettings,
                Scopes.parseSpaceDelimited("memories:read"));
        tokens = new TokenService(oauthVerifier, oauthResources, oauthMinter, codes, null, oauthRefreshTokens,
                oauthAccessTokens, new InMemoryUsers(new InMemoryDatabase()), new Fakes.RecordingUnitOfWork(), audit,
                oauthIds, clock, Map.of());
    }

    @Test
    void signInThenConsentThenACodeTheTokenUseCaseRedeems() {
        AuthorizationAnswer first = authorization.authorize(request("cli"), Optional.empty());
        assertInstanceOf(AuthorizationAnswer.LoginRequired.class, first, first::toString);

        AuthorizationAnswer.ConsentRequired consent = assertInstanceOf(AuthorizationAnswer.ConsentRequired.class,
                authorization.authorize(request("cli"), Optional.of(ada)));
        AuthorizationAnswer.RedirectWithCode code = assertInstanceOf(AuthorizationAnswer.RedirectWithCode.class,
                authorization.answerConsent(ada, consent.pending().id(), true));

        assertEquals(REDIRECT, code.redirectUri());
        assertEquals("xyz", code.state());
        assertTrue(Fakes.auditTypes(audit).contains(AuditEvent.Type.CONSENT_GRANTED));
        assertInstanceOf(OAuthResult.Ok.class, tokens.issue(new ClientAuthentication("cli", null,
                ClientAuthentication.Method.NONE), new TokenRequest("authorization_code", code.code(), REDIRECT, VERIFIER,
                null, null, List.of(ISSUER + "/mcp"), null)));
    }

    @Test
    void aGrantedConsentIsNotAskedAgainButAWiderScopeIs() {
        AuthorizationRequest readOnly = withScope(request("cli"), "memories:read");
        AuthorizationAnswer.ConsentRequired consent = assertInstanceOf(AuthorizationAnswer.ConsentRequired.class,
                authorization.authorize(readOnly, Optional.of(ada)));
        authorization.answerConsent(ada, consent.pending().id(), true);

        assertInstanceOf(AuthorizationAnswer.RedirectWithCode.class, authorization.authorize(readOnly, Optional.of(ada)));
        assertInstanceOf(AuthorizationAnswer.ConsentRequired.class, authorization.authorize(
                withScope(request("cli"), "memories:read memories:write"), Optional.of(ada)));
    }

    @Test
    void aConsentIsAnsweredOnceOnlyByItsUserAndADenialGoesBackAsAccessDenied() {
        AuthorizationAnswer.ConsentRequired consent = assertInstanceOf(AuthorizationAnswer.ConsentRequired.class,
                authorization.authorize(request("cli"), Optional.of(ada)));
        assertInstanceOf(AuthorizationAnswer.Refused.class,
                authorization.answerConsent(new UserId(UUID.randomUUID()), consent.pending().id(), true));

        AuthorizationAnswer.ConsentRequired again = assertInstanceOf(AuthorizationAnswer.ConsentRequired.class,
                authorization.authorize(request("cli"), Optional.of(ada)));
        AuthorizationAnswer.RedirectError denied = assertInstanceOf(AuthorizationAnswer.RedirectError.class,
                authorization.answerConsent(ada, again.pending().id(), false));
        assertEquals("access_denied", denied.error());
        assertInstanceOf(AuthorizationAnswer.Refused.class, authorization.answerConsent(ada, again.pending().id(), true),
                "the pending request was used up by the denial");
    }

    @Test
    void anExpiredConsentCannotBeApproved() {
        AuthorizationAnswer.ConsentRequired consent = assertInstanceOf(AuthorizationAnswer.ConsentRequired.class,
                authorization.authorize(request("cli"), Optional.of(ada)));
        clock.advance(Duration.ofMinutes(11));
        assertInstanceOf(AuthorizationAnswer.Refused.class, authorization.answerConsent(ada, consent.pending().id(), true));
    }

    @Test
    void anUnknownClientOrRedirectIsShownNeverRedirected() {
        assertEquals("invalid_client", assertInstanceOf(AuthorizationAnswer.Refused.class,
                authorization.authorize(request("nobody"), Optional.of(ada))).error());
        assertEquals("invalid_request", assertInstanceOf(AuthorizationAnswer.Refused.class,
                authorization.authorize(new AuthorizationRequest("cli", "https://evil.example/cb", "code", null, "xyz",
                        Pkce.s256(VERIFIER), "S256", List.of()), Optional.of(ada))).error());
    }

    @Test
    void withoutPkceS256TheClientIsToldAtItsRedirectOnceSomeoneSignedIn() {
        AuthorizationRequest plain = new AuthorizationRequest("cli", REDIRECT, "code", null, "xyz", VERIFIER, "plain",
                List.of());
        assertEquals("invalid_request", assertInstanceOf(AuthorizationAnswer.RedirectError.class,
                authorization.authorize(plain, Optional.of(ada))).error());
    }

    @Test
    void aSelfRegisteredClientsErrorsBeforeSignInArePagesNotRedirects() {
        AuthorizationRequest wrongType = new AuthorizationRequest("registered", REDIRECT, "token", null, "xyz",
                Pkce.s256(VERIFIER), "S256", List.of());
        assertInstanceOf(AuthorizationAnswer.Refused.class, authorization.authorize(wrongType, Optional.empty()),
                "its redirect URI is anybody's, so no open redirect");
        assertInstanceOf(AuthorizationAnswer.RedirectError.class, authorization.authorize(wrongType, Optional.of(ada)));
    }

    @Test
    void aSelfRegisteredClientMayNotAskBeyondWhatItRegistered() {
        assertEquals("invalid_scope", assertInstanceOf(AuthorizationAnswer.RedirectError.class,
                authorization.authorize(withScope(request("registered"), "memories:read admin"), Optional.of(ada)))
                .error());
    }

    private static AuthorizationRequest request(String clientId) {
        return new AuthorizationRequest(clientId, REDIRECT, "code", null, "xyz", Pkce.s256(VERIFIER), "S256",
                List.of(ISSUER + "/mcp"));
    }

    private static AuthorizationRequest withScope(AuthorizationRequest request, String scope) {
        return new AuthorizationRequest(request.clientId(), request.redirectUri(), request.responseType(), scope,
                request.state(), request.codeChallenge(), request.codeChallengeMethod(), request.resources());
    }
}
