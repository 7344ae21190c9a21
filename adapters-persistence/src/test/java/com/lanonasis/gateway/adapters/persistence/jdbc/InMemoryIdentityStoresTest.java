package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.embedded.inmemory.InMemoryApiKeys;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUsers;

/** The embedded core's user and API-key stores keep the same contract as the databases. */
class InMemoryIdentityStoresTest extends IdentityStoresContract {

    private final InMemoryDatabase database = new InMemoryDatabase();

    @Override
    Users users() {
        return new InMemoryUsers(database);
    }

    @Override
    ApiKeys apiKeys() {
        return new InMemoryApiKeys(database);
    }
}
