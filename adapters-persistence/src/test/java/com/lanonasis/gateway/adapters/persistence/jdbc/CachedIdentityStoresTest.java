package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.adapters.persistence.cache.CachedApiKeys;
import com.lanonasis.gateway.adapters.persistence.cache.CachedUsers;
import com.lanonasis.gateway.adapters.persistence.cache.CredentialCache;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.ApiKeySecret;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The identity stores' contract through the credential cache, and what makes the cache safe: a
 * change written by any store on the same database (here an uncached one), in auto-commit or in a
 * transaction, is seen by the next lookup; only SQL written around the database is not, until
 * {@link CredentialCache#forgetAll()}.
 */
class CachedIdentityStoresTest extends IdentityStoresContract {

    private final HikariDataSource pool = H2.fresh();
    private final JdbcDatabase database = new JdbcDatabase(pool);
    private final CredentialCache cache = new CredentialCache(CredentialCache.local(), database, Duration.ofHours(1),
            100);

    @Override
    Users users() {
        return new CachedUsers(new JdbcUsers(database), cache);
    }

    @Override
    ApiKeys apiKeys() {
        return new CachedApiKeys(new JdbcApiKeys(database), cache);
    }

    @Test
    void aRevocationByAnyStoreOnTheDatabaseIsSeenByTheNextLookup() {
        ApiKey key = new ApiKey(new ApiKeyId("CCCCCCCCCCCCCCCCCCCCCCC1"), ada.id(), "k",
                Scopes.parseSpaceDelimited("memories:read"), SecretHash.of(new ApiKeySecret("s")), T0, null, null,
                null);
        keys.add(key);
        assertNull(keys.findById(key.id()).orElseThrow().revokedAt());
        long misses = cache.misses();
        assertNull(keys.findById(key.id()).orElseThrow().revokedAt());
        assertEquals(misses, cache.misses(), "the second lookup is served from the cache");

        ApiKeys other = new JdbcApiKeys(database);
        other.revoke(key.id(), ada.id(), T0.plusSeconds(1));
        assertNotNull(keys.findById(key.id()).orElseThrow().revokedAt(), "revoked elsewhere, seen at once");

        JdbcUsers directory = new JdbcUsers(database);
        assertEquals(Role.USER, users.findById(ada.id()).orElseThrow().role());
        Outcome<Boolean> promoted = database.allOrNothing(() -> Outcome.done(directory.changeRole(ada.id(),
                Role.ADMIN)));
        assertTrue(((Outcome.Done<Boolean>) promoted).value());
        assertEquals(Role.ADMIN, users.findById(ada.id()).orElseThrow().role(), "changed in a transaction");
    }

    @Test
    void sqlWrittenAroundTheDatabaseNeedsForgetAll() throws Exception {
        assertEquals(Role.USER, users.findById(ada.id()).orElseThrow().role());
        try (Connection connection = pool.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE users SET role = 'admin' WHERE id = ?")) {
            update.setObject(1, ada.id().value());
            assertEquals(1, update.executeUpdate());
        }
        assertEquals(Role.USER, users.findById(ada.id()).orElseThrow().role(), "not seen: the cache was not told");
        cache.forgetAll();
        assertEquals(Role.ADMIN, users.findById(ada.id()).orElseThrow().role());
    }

    @Test
    void onlyChangesToCachedRecordsInvalidate() {
        assertTrue(CredentialCache.changesCredentials("UPDATE api_keys SET revoked_at = ? WHERE id = ?"));
        assertTrue(CredentialCache.changesCredentials("UPDATE users SET role = ? WHERE id = ?"));
        assertTrue(CredentialCache.changesCredentials("DELETE FROM oauth_access_tokens WHERE user_id = ?"));
        assertTrue(CredentialCache.changesCredentials("UPDATE oauth_access_tokens SET revoked_at = ?"));
        assertTrue(!CredentialCache.changesCredentials("UPDATE api_keys SET last_used_at = ? WHERE id = ?"));
        assertTrue(!CredentialCache.changesCredentials("INSERT INTO users (id) VALUES (?)"));
        assertTrue(!CredentialCache.changesCredentials("SELECT id FROM users WHERE id = ?"));
        assertTrue(CredentialCache.changesCredentials("UPDATE oauth_clients SET disabled = ? WHERE client_id = ?"));
        assertTrue(CredentialCache.changesCredentials("DELETE FROM oauth_clients WHERE client_id = ?"));
        assertTrue(!CredentialCache.changesCredentials("INSERT INTO oauth_clients (client_id) VALUES (?)"));
        assertTrue(!CredentialCache.changesCredentials("UPDATE memory_entries SET title = ?"));
    }
}
