package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.adapters.persistence.cache.CachedAccessTokens;
import com.lanonasis.gateway.adapters.persistence.cache.CachedClients;
import com.lanonasis.gateway.adapters.persistence.cache.CredentialCache;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OAuth stores' contract with clients and access tokens read through the credential cache, and
 * what makes caching clients safe: a client disabled, replaced (a new secret) or deleted by any store
 * on the same database is seen by the very next lookup.
 */
class CachedOAuthStoresTest extends OAuthStoresContract {

    private JdbcDatabase database;
    private CredentialCache cache;

    @Override
    Stores stores() {
        database = new JdbcDatabase(H2.fresh());
        cache = new CredentialCache(CredentialCache.local(), database, Duration.ofHours(1), 100);
        JdbcAuditLog audit = new JdbcAuditLog(database);
        return new Stores(new CachedClients(new JdbcClients(database, List.of()), cache),
                new JdbcConsents(database, Clock.fixed(T0, ZoneOffset.UTC)),
                new CachedAccessTokens(new JdbcAccessTokens(database), cache), new JdbcRefreshTokens(database),
                new JdbcGrants(database), audit, audit);
    }

    @Test
    void aClientChangedByAnyStoreOnTheDatabaseIsSeenByTheNextLookup() {
        Clients clients = new CachedClients(new JdbcClients(database, List.of()), cache);
        OAuthClient client = confidential("dcr_cached", "first secret");
        clients.add(client);
        assertEquals(Optional.of(client), clients.find("dcr_cached"));
        long misses = cache.misses();
        assertEquals(Optional.of(client), clients.find("dcr_cached"));
        assertEquals(misses, cache.misses(), "the second lookup is served from the cache");

        JdbcClientDirectory directory = new JdbcClientDirectory(database, List.of());
        assertTrue(directory.setDisabled("dcr_cached", true, T0.plusSeconds(1)));
        assertEquals(Optional.empty(), clients.find("dcr_cached"), "disabled elsewhere, refused at once");
        assertTrue(directory.setDisabled("dcr_cached", false, T0.plusSeconds(2)));
        assertEquals(Optional.of(client), clients.find("dcr_cached"));

        OAuthClient rotated = confidential("dcr_cached", "second secret");
        assertTrue(new JdbcClients(database, List.of()).replace(rotated));
        OAuthClient found = clients.find("dcr_cached").orElseThrow();
        assertTrue(found.secretHash().matches(new MachineSecret("second secret")), "the new secret, at once");
        assertTrue(!found.secretHash().matches(new MachineSecret("first secret")));

        assertTrue(directory.delete("dcr_cached", T0.plusSeconds(3)));
        assertEquals(Optional.empty(), clients.find("dcr_cached"), "deleted elsewhere, gone at once");
    }

    /** The deny-list of self-contained tokens: "not listed" is cached too, and a listing anywhere ends it. */
    @Test
    void theDenyListIsSeenAtTheNextLookupWhoeverWritesIt() {
        com.lanonasis.gateway.domain.tokens.port.out.RevokedAccessTokens cached =
                new com.lanonasis.gateway.adapters.persistence.cache.CachedRevokedAccessTokens(
                        new JdbcRevokedAccessTokens(database), cache);
        JdbcRevokedAccessTokens elsewhere = new JdbcRevokedAccessTokens(database);
        assertEquals(Optional.empty(), cached.revokedAt("cc-1", "svc", T0));
        long misses = cache.misses();
        assertEquals(Optional.empty(), cached.revokedAt("cc-1", "svc", T0));
        assertEquals(misses, cache.misses(), "'not listed' is served from the cache");

        elsewhere.revoke("cc-1", "svc", T0.plusSeconds(5), T0.plusSeconds(900));
        assertEquals(Optional.of(T0.plusSeconds(5)), cached.revokedAt("cc-1", "svc", T0), "listed elsewhere: at once");
        elsewhere.revoke("cc-1", "svc", T0.plusSeconds(6), T0.plusSeconds(900));
        assertEquals(Optional.of(T0.plusSeconds(5)), cached.revokedAt("cc-1", "svc", T0), "listing again: no change");
        assertEquals(Optional.empty(), cached.revokedAt("cc-2", "svc", T0), "only that token");

        Clients clients = new CachedClients(new JdbcClients(database, List.of()), cache);
        clients.add(confidential("svc", "a secret"));
        assertEquals(Optional.empty(), cached.revokedAt("cc-2", "svc", T0.plusSeconds(10)));
        assertTrue(new JdbcClientDirectory(database, List.of(), Duration.ofMinutes(15))
                .setDisabled("svc", true, T0.plusSeconds(20)));
        assertEquals(Optional.of(T0.plusSeconds(20)), cached.revokedAt("cc-2", "svc", T0.plusSeconds(10)),
                "the client disabled: its tokens issued until then are revoked");
        assertEquals(Optional.of(T0.plusSeconds(20)), cached.revokedAt("cc-3", "svc", T0.plusSeconds(20)));
        assertEquals(Optional.empty(), cached.revokedAt("cc-4", "svc", T0.plusSeconds(21)), "later ones are not");
        assertEquals(1, JdbcPurge.revokedTokens(database).purgeBefore(T0.plusSeconds(901), 100),
                "the token's row is purged after it expires; the client's lasts a token lifetime");
    }

    private static OAuthClient confidential(String id, String secret) {
        return new OAuthClient(id, "Cached", ClientAuthMethod.CLIENT_SECRET_BASIC, new MachineSecret(secret).hash(),
                List.of(), Set.of(GrantType.CLIENT_CREDENTIALS), Scopes.parseSpaceDelimited("memories:read"),
                new MachineSecret("registration-" + id).hash(), T0);
    }
}
