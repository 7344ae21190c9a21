package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;

/** A fresh, migrated in-memory H2 database per call. */
final class H2 {

    private H2() {
    }

    static HikariDataSource fresh() {
        return Databases.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
                null, 4), "test");
    }
}
