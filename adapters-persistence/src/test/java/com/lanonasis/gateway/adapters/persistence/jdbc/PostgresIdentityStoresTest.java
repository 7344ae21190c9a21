package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;

class PostgresIdentityStoresTest extends IdentityStoresContract {

    private final JdbcDatabase database = new JdbcDatabase(Postgres.fresh());

    @Override
    Users users() {
        return new JdbcUsers(database);
    }

    @Override
    ApiKeys apiKeys() {
        return new JdbcApiKeys(database);
    }
}
