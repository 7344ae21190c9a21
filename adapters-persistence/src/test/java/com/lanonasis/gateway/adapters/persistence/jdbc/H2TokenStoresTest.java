package com.lanonasis.gateway.adapters.persistence.jdbc;

import javax.sql.DataSource;

class H2TokenStoresTest extends TokenStoresContract {

    @Override
    DataSource dataSource() {
        return H2.fresh();
    }
}
