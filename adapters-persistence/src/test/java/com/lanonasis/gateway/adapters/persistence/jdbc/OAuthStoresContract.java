package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.audit.port.out.AuditTrail;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.Consent;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.Grant;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.Grants;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registered clients, consents, a user's grants and the audit trail: what every backend must do. */
abstract class OAuthStoresContract {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Stores(Clients clients, Consents consents, AccessTokens accessTokens, RefreshTokens refreshTokens,
                  Grants grants, AuditLog audit, AuditTrail trail) {
    }

    private final Stores stores = stores();
    private final UserId ada = new UserId(UUID.randomUUID());

    abstract Stores stores();

    /** Ends the pools this test opened on the embedded Postgres (nothing for the other backends). */
    @AfterEach
    void closeTestDatabases() {
        Postgres.closeOpened();
    }

    @Test
    void clientsAreAddedReplacedCountedAndRemoved() {
        Clients clients = stores.clients();
        OAuthClient client = client("dcr_one", "One");
        clients.add(client);

        assertEquals(Optional.of(client), clients.find("dcr_one"));
        assertEquals(1, clients.countDynamic());
        OAuthClient renamed = client("dcr_one", "Renamed");
        assertTrue(clients.replace(renamed));
        assertEquals("Renamed", clients.find("dcr_one").orElseThrow().name());
        assertFalse(clients.replace(client("dcr_nobody", "x")), "only a stored client is replaced");
        assertTrue(clients.remove("dcr_one"));
        assertFalse(clients.remove("dcr_one"));
        assertEquals(Optional.empty(), clients.find("dcr_one"));
        assertEquals(0, clients.countDynamic());
    }

    @Test
    void consentsGrowCoverAndCanBeWithdrawn() {
        Consents consents = stores.consents();
        consents.grant(ada, "cli", Scopes.parseSpaceDelimited("memories:read"));
        consents.grant(ada, "cli", Scopes.parseSpaceDelimited("memories:write"));

        assertTrue(consents.covers(ada, "cli", Scopes.parseSpaceDelimited("memories:read memories:write")),
                "a second grant adds to the first");
        assertFalse(consents.covers(ada, "cli", Scopes.parseSpaceDelimited("memories:delete")));
        assertFalse(consents.covers(new UserId(UUID.randomUUID()), "cli", Scopes.parseSpaceDelimited("memories:read")));
        assertEquals(List.of("cli"), consents.of(ada).stream().map(Consent::clientId).toList());
        assertTrue(consents.withdraw(ada, "cli"));
        assertFalse(consents.withdraw(ada, "cli"));
        assertFalse(consents.covers(ada, "cli", Scopes.parseSpaceDelimited("memories:read")));
    }

    @Test
    void grantsAreTheLiveFamiliesAndRevokeTogether() {
        access("a1", "family-1", "cli", T0, T0.plusSeconds(900));
        refresh("r1", "family-1", "cli", T0, T0.plusSeconds(86_400));
        access("a2", "family-2", "other", T0.plusSeconds(60), T0.plusSeconds(960));
        access("a3", "family-3", "cli", T0.minusSeconds(7200), T0.minusSeconds(3600));
        Instant now = T0.plusSeconds(120);

        List<Grant> live = stores.grants().liveOf(ada, now);
        assertEquals(List.of("family-2", "family-1"), live.stream().map(Grant::familyId).toList(),
                "newest first; an expired family is not live");
        assertEquals(T0.plusSeconds(86_400), live.get(1).expiresAt(), "a family lives as long as its longest token");

        assertEquals(1, stores.grants().revokeClient(ada, "other", now));
        assertTrue(stores.grants().revoke(ada, "family-1", now));
        assertFalse(stores.grants().revoke(new UserId(UUID.randomUUID()), "family-1", now), "only the user's own");
        assertEquals(List.of(), stores.grants().liveOf(ada, now));
        assertEquals(now, stores.refreshTokens().find(new MachineSecret("r1").hash()).orElseThrow().revokedAt());
    }

    @Test
    void theAuditTrailIsReadNewestFirstFilteredAndPaged() {
        AuditLog audit = stores.audit();
        audit.record(new AuditEvent(AuditEvent.Type.LOGIN_SUCCEEDED, T0, ada.toString(), null, Map.of()));
        audit.record(new AuditEvent(AuditEvent.Type.TOKEN_ISSUED, T0.plusSeconds(1), ada.toString(), "cli",
                Map.of("grant_type", "authorization_code")));
        audit.record(new AuditEvent(AuditEvent.Type.LOGIN_FAILED, T0.plusSeconds(2), "someone-else", null,
                Map.of()));

        List<AuditRecord> mine = stores.trail().query(new AuditQuery(ada.toString(), null, null, null, null, 1, 10));
        assertEquals(List.of(AuditEvent.Type.TOKEN_ISSUED, AuditEvent.Type.LOGIN_SUCCEEDED),
                mine.stream().map(record -> record.event().type()).toList());
        assertEquals(Map.of("grant_type", "authorization_code"), mine.get(0).event().details());
        assertEquals(List.of(AuditEvent.Type.LOGIN_SUCCEEDED), stores.trail().query(new AuditQuery(ada.toString(),
                null, null, null, null, 2, 1)).stream().map(record -> record.event().type()).toList(), "page 2 of 1");
        assertEquals(1, stores.trail().query(new AuditQuery(null, "cli", null, null, null, 1, 10)).size());
        assertEquals(1, stores.trail().query(new AuditQuery(null, null, AuditEvent.Type.LOGIN_FAILED, null, null, 1,
                10)).size());
        assertEquals(2, stores.trail().query(new AuditQuery(null, null, null, T0.plusSeconds(1), null, 1, 10)).size());
    }

    private static OAuthClient client(String id, String name) {
        return new OAuthClient(id, name, ClientAuthMethod.NONE, null,
                List.of(new RedirectUri("http://127.0.0.1:7777/callback")),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), Scopes.parseSpaceDelimited("memories:read"),
                new MachineSecret("registration-" + id).hash(), T0);
    }

    private void access(String value, String family, String clientId, Instant issued, Instant expires) {
        stores.accessTokens().add(new IssuedAccessToken(new AccessTokenClaims(UUID.randomUUID().toString(),
                ada.toString(), clientId, List.of("https://r.example/mcp"), Scopes.parseSpaceDelimited("memories:read"),
                issued, expires), ada, new MachineSecret(value).hash(), family, null));
    }

    private void refresh(String value, String family, String clientId, Instant issued, Instant expires) {
        stores.refreshTokens().add(new RefreshToken(new MachineSecret(value).hash(), family, clientId, ada,
                Scopes.parseSpaceDelimited("memories:read"), List.of("https://r.example/mcp"), issued, expires, null,
                null));
    }
}
