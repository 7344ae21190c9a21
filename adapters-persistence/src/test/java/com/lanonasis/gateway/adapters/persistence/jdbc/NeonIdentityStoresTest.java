package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;

class NeonIdentityStoresTest extends IdentityStoresContract {

    /** The Neon flavour keeps every table in this schema, qualified in the SQL. */
    private static final Schema NEON = Schema.named("auth_gateway");

    private final JdbcDatabase database = new JdbcDatabase(Postgres.fresh(NEON), NEON);

    @Override
    Users users() {
        return new JdbcUsers(database);
    }

    @Override
    ApiKeys apiKeys() {
        return new JdbcApiKeys(database);
    }
}
