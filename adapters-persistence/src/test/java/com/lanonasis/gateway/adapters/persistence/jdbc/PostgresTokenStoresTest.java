package com.lanonasis.gateway.adapters.persistence.jdbc;

import javax.sql.DataSource;

class PostgresTokenStoresTest extends TokenStoresContract {

    @Override
    DataSource dataSource() {
        return Postgres.fresh();
    }
}
