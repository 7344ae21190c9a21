package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.ApiKeySecret;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Users} and {@link ApiKeys} adapter must do. */
abstract class IdentityStoresContract {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

    Users users;
    ApiKeys keys;
    User ada;

    abstract Users users();

    abstract ApiKeys apiKeys();

    @BeforeEach
    void open() {
        users = users();
        keys = apiKeys();
        ada = new User(new UserId(UUID.randomUUID()), new Email("ada@example.com"), "Ada", Role.USER, T0);
        assertTrue(users.add(new UserAccount(ada, new PasswordHash("$argon2id$v=19$abc"))));
    }

    /** Ends the pools this test opened on the embedded Postgres (nothing for the other backends). */
    @AfterEach
    void closeTestDatabases() {
        Postgres.closeOpened();
    }

    @Test
    void usersRoundTripAndEmailsAreUnique() {
        assertEquals(Optional.of(ada), users.findById(ada.id()));
        UserAccount found = users.findByEmail(new Email("ADA@example.com")).orElseThrow();
        assertEquals("$argon2id$v=19$abc", found.passwordHash().reveal());

        User twin = new User(new UserId(UUID.randomUUID()), new Email("ada@example.com"), null, Role.USER, T0);
        assertFalse(users.add(new UserAccount(twin, new PasswordHash("x"))));
        assertEquals(Optional.empty(), users.findById(twin.id()));
        assertEquals(Optional.empty(), users.findByEmail(new Email("nobody@example.com")));
    }

    @Test
    void apiKeysRoundTripListRevokeAndRecordUse() {
        ApiKey first = key("AAAAAAAAAAAAAAAAAAAAAAA1", T0, null);
        ApiKey second = key("AAAAAAAAAAAAAAAAAAAAAAA2", T0.plusSeconds(60), T0.plusSeconds(3600));
        keys.add(first);
        keys.add(second);

        assertEquals(Optional.of(second), keys.findById(second.id()));
        assertEquals(List.of(second, first), keys.listByOwner(ada.id()), "newest first");
        assertFalse(keys.revoke(first.id(), new UserId(UUID.randomUUID()), T0), "only the owner");
        assertTrue(keys.revoke(first.id(), ada.id(), T0.plusSeconds(5)));
        assertFalse(keys.revoke(first.id(), ada.id(), T0.plusSeconds(6)), "only once");
        assertEquals(List.of(second), keys.listByOwner(ada.id()));

        keys.recordUse(second.id(), T0.plusSeconds(120));
        assertEquals(T0.plusSeconds(120), keys.findById(second.id()).orElseThrow().lastUsedAt());
    }

    private ApiKey key(String id, Instant created, Instant expires) {
        return new ApiKey(new ApiKeyId(id), ada.id(), "k", Scopes.parseSpaceDelimited("memories:read"),
                SecretHash.of(new ApiKeySecret("s-" + id)), created, expires, null, null);
    }
}
