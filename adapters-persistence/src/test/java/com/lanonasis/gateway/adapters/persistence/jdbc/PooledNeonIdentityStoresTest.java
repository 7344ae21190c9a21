package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

class PooledNeonIdentityStoresTest extends IdentityStoresContract {

    private static final Schema NEON = Schema.named("auth_gateway");

    private JdbcDatabase database;

    @BeforeAll
    static void needsPgBouncer() {
        Assumptions.assumeTrue(PgBouncer.available(), PgBouncer.MISSING);
    }

    @Override
    Users users() {
        database = new JdbcDatabase(PgBouncer.fresh(NEON), NEON);
        return new JdbcUsers(database);
    }

    @Override
    ApiKeys apiKeys() {
        return new JdbcApiKeys(database);
    }
}
