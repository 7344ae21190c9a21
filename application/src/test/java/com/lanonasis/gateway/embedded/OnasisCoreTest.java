package com.lanonasis.gateway.embedded;

import static com.lanonasis.gateway.application.fakes.Outcomes.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.Registration;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.application.memory.port.in.MemoryDraft;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.Introspection;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenRequest;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flows across several use cases, wired by the builder alone: what a consumer of the embedded core relies on. */
class OnasisCoreTest {

    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final OnasisCore core = OnasisCore.inMemory().clock(clock).issuer("https://api.example").build();

    @Test
    void anApiKeyActsForItsOwnerWithinItsScopesUntilRevoked() {
        Principal ada = signedUp("ada@example.com");
        IssuedApiKey key = done(core.createApiKey().create(ada, new NewApiKeyRequest("ci", List.of("memories:read"),
                null)));

        Principal viaKey = core.principal(new Credential.ApiKey(key.reveal())).orElseThrow();
        assertEquals(ada.userId(), viaKey.userId());
        assertTrue(viaKey.allows(Scope.MEMORIES_READ));
        assertInstanceOf(com.lanonasis.gateway.domain.shared.Outcome.Rejected.class, core.createMemory()
                .create(viaKey, new MemoryDraft("t", "c", null, List.of(), Map.of())), "read-only key");

        done(core.revokeApiKey().revoke(ada, key.key().id().value()));
        assertTrue(core.principal(new Credential.ApiKey(key.reveal())).isEmpty());
    }

    @Test
    void aClientCredentialsTokenIsRecordedIntrospectedAndExpires() {
        core.stores().clients().add(new OAuthClient("service", "Service", ClientAuthMethod.CLIENT_SECRET_BASIC,
                new MachineSecret("service-secret").hash(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS),
                Scopes.parseSpaceDelimited("memories:read"), null, Instant.EPOCH));

        OAuthResult<TokenResponse> refused = core.issueToken().issue(new ClientAuthentication("service", "wrong",
                ClientAuthentication.Method.BASIC), clientCredentials());
        assertEquals("invalid_client", ((OAuthResult.Err<TokenResponse>) refused).error().error());

        TokenResponse issued = ((OAuthResult.Ok<TokenResponse>) core.issueToken().issue(new ClientAuthentication(
                "service", "service-secret", ClientAuthentication.Method.BASIC), clientCredentials())).value();
        ClientAuthentication service = new ClientAuthentication("service", "service-secret",
                ClientAuthentication.Method.BASIC);
        assertInstanceOf(Introspection.ActiveAccessToken.class, introspect(service, issued.accessToken()));
        assertTrue(core.principal(new Credential.BearerToken(issued.accessToken())).isEmpty(),
                "a token without a user is no caller of the memory API");
        assertTrue(core.stores().audit().events().stream().anyMatch(e -> e.type() == AuditEvent.Type.TOKEN_ISSUED));

        clock.advance(Duration.ofSeconds(issued.expiresIn() + 1));
        assertInstanceOf(Introspection.Inactive.class, introspect(service, issued.accessToken()), "expired");

        assertEquals(1, core.purgeExpired().purge().get("access tokens"), "retention deletes the expired record");
        assertTrue(core.stores().accessTokens().all().isEmpty());
    }

    @Test
    void aRefusedWriteLeavesNothingBehind() {
        Principal ada = signedUp("ada@example.com");

        assertInstanceOf(com.lanonasis.gateway.domain.shared.Outcome.Rejected.class, core.createMemory()
                .create(ada, new MemoryDraft("", "", "diary", List.of(), Map.of())));
        assertTrue(core.stores().memories().all().isEmpty());
        assertInstanceOf(com.lanonasis.gateway.domain.shared.Outcome.Rejected.class, core.register()
                .register(new Registration("ada@example.com", "another password", null)), "e-mail taken");
    }

    private Principal signedUp(String email) {
        done(core.register().register(new Registration(email, "correct horse battery", null)));
        String token = done(core.logIn().logIn(new LogIn(email, "correct horse battery"))).accessToken().reveal();
        return core.principal(new Credential.BearerToken(token)).orElseThrow();
    }

    private Introspection introspect(ClientAuthentication client, String token) {
        return ((OAuthResult.Ok<Introspection>) core.inspectTokens().introspect(client, token)).value();
    }

    private static TokenRequest clientCredentials() {
        return new TokenRequest("client_credentials", null, null, null, null, "memories:read", List.of(), null);
    }
}
