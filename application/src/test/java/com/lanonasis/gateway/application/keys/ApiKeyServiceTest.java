package com.lanonasis.gateway.application.keys;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryApiKeys;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import static com.lanonasis.gateway.application.fakes.Outcomes.done;
import static com.lanonasis.gateway.application.fakes.Outcomes.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.fakes.TestPrincipals;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.keys.PresentedApiKey;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    private final InMemoryApiKeys keys = new InMemoryApiKeys(new InMemoryDatabase());
    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final ApiKeyService service = new ApiKeyService(keys, Fakes.counting(), new Fakes.RecordingUnitOfWork(),
            clock);
    private final Principal owner = TestPrincipals.userWith("mcp:full");

    @Test
    void newKeyHasDefaultScopesAndOnlyItsHashIsStored() {
        IssuedApiKey issued = done(service.create(owner, new NewApiKeyRequest("laptop", null, 3600L)));

        assertEquals(Scopes.API_KEY_DEFAULT, issued.key().scopes());
        assertEquals(clock.instant().plusSeconds(3600), issued.key().expiresAt());
        PresentedApiKey parsed = PresentedApiKey.parse(issued.reveal());
        PresentedApiKey.Complete complete = assertInstanceOf(PresentedApiKey.Complete.class, parsed);
        assertTrue(keys.findById(issued.key().id()).orElseThrow().secretHash().matches(complete.secret()));
    }

    @Test
    void aKeyCannotOutgrowItsCreatorNorLiveTooLongOrShort() {
        Rejection escalation = rejected(service.create(owner, new NewApiKeyRequest("k", List.of("admin"), null)));
        assertEquals("scopes", ((Rejection.Invalid) escalation).errors().get(0).field());
        Rejection tooShort = rejected(service.create(owner, new NewApiKeyRequest("k", null, 5L)));
        assertEquals("expires_in", ((Rejection.Invalid) tooShort).errors().get(0).field());
        Rejection noName = rejected(service.create(owner, new NewApiKeyRequest(" ", null, null)));
        assertEquals("name", ((Rejection.Invalid) noName).errors().get(0).field());
        assertTrue(keys.listByOwner(owner.userId()).isEmpty(), "nothing stored");
    }

    @Test
    void managingKeysNeedsTheApiKeyScopes() {
        Principal memoriesOnly = TestPrincipals.userWith("memories:read");
        assertEquals(new Rejection.Forbidden(Scope.API_KEYS_WRITE),
                rejected(service.create(memoriesOnly, new NewApiKeyRequest("k", null, null))));
        assertEquals(new Rejection.Forbidden(Scope.API_KEYS_READ), rejected(service.list(memoriesOnly)));
        assertEquals(new Rejection.Forbidden(Scope.API_KEYS_WRITE), rejected(service.revoke(memoriesOnly, "x")));
    }

    @Test
    void onlyTheOwnerRevokesAndRevokedKeysLeaveTheList() {
        IssuedApiKey issued = done(service.create(owner, new NewApiKeyRequest("k", null, null)));
        String id = issued.key().id().value();

        assertInstanceOf(Rejection.NotFound.class, rejected(service.revoke(TestPrincipals.userWith("mcp:full"), id)));
        assertEquals(issued.key().id(), done(service.revoke(owner, id)));
        assertEquals(List.of(), done(service.list(owner)));
        assertInstanceOf(Rejection.NotFound.class, rejected(service.revoke(owner, id)));
        assertInstanceOf(Rejection.NotFound.class, rejected(service.revoke(owner, "not a key id")));
    }

    @Test
    void liveKeysAreCapped() {
        for (int i = 0; i < ApiKeyService.MAX_LIVE_KEYS_PER_USER; i++) {
            done(service.create(owner, new NewApiKeyRequest("k" + i, null, null)));
        }
        assertEquals("too_many_keys", ((Rejection.Conflict) rejected(service.create(owner,
                new NewApiKeyRequest("one more", null, null)))).code());
    }

    /** Issue 17: a rotation keeps the id; the old secret works for the grace period and not a moment longer. */
    @Test
    void aRotatedKeysOldSecretWorksOnlyDuringTheGracePeriod() {
        InMemoryAuditLog audit = new InMemoryAuditLog(new InMemoryDatabase());
        ApiKeyService rotating = new ApiKeyService(keys, Fakes.counting(), new Fakes.RecordingUnitOfWork(), clock,
                audit, java.time.Duration.ofHours(2));
        IssuedApiKey first = done(rotating.create(owner, new NewApiKeyRequest("ci", null, null)));
        IssuedApiKey second = done(rotating.rotate(owner, first.key().id().value()));

        assertEquals(first.key().id(), second.key().id());
        PresentedApiKey.Complete oldSecret = (PresentedApiKey.Complete) PresentedApiKey.parse(first.reveal());
        PresentedApiKey.Complete newSecret = (PresentedApiKey.Complete) PresentedApiKey.parse(second.reveal());
        assertTrue(!oldSecret.secret().reveal().equals(newSecret.secret().reveal()));
        assertEquals(clock.instant().plus(java.time.Duration.ofHours(2)), second.key().previousSecretUntil());

        clock.advance(java.time.Duration.ofMinutes(119));
        com.lanonasis.gateway.domain.keys.ApiKey stored = keys.findById(first.key().id()).orElseThrow();
        assertTrue(stored.acceptsSecret(oldSecret.secret(), clock.instant()), "inside the grace period");
        assertTrue(stored.acceptsSecret(newSecret.secret(), clock.instant()));
        clock.advance(java.time.Duration.ofMinutes(1));
        assertTrue(!stored.acceptsSecret(oldSecret.secret(), clock.instant()), "the grace period is over");
        assertTrue(stored.acceptsSecret(newSecret.secret(), clock.instant()));

        assertEquals(new Rejection.NotFound("api_key"), rejected(rotating.rotate(owner, "unknown")));
        assertEquals(new Rejection.NotFound("api_key"),
                rejected(rotating.rotate(TestPrincipals.userWith("mcp:full"), first.key().id().value())),
                "another user's key");
        assertEquals(new Rejection.Forbidden(Scope.API_KEYS_WRITE),
                rejected(rotating.rotate(TestPrincipals.userWith("memories:read"), first.key().id().value())));
        assertTrue(audit.events().stream().anyMatch(e -> e.type()
                == com.lanonasis.gateway.domain.audit.AuditEvent.Type.API_KEY_ROTATED));
    }
}
