package com.lanonasis.gateway.adapters.persistence.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

class PooledNeonTokenStoresTest extends TokenStoresContract {

    @BeforeAll
    static void needsPgBouncer() {
        Assumptions.assumeTrue(PgBouncer.available(), PgBouncer.MISSING);
    }

    @Override
    DataSource dataSource() {
        return PgBouncer.fresh(Schema.DEFAULT);
    }
}
