package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

class H2OAuthStoresTest extends OAuthStoresContract {

    @Override
    Stores stores() {
        JdbcDatabase database = new JdbcDatabase(H2.fresh());
        JdbcAuditLog audit = new JdbcAuditLog(database);
        return new Stores(new JdbcClients(database, List.of()), new JdbcConsents(database, Clock.fixed(T0,
                ZoneOffset.UTC)), new JdbcAccessTokens(database), new JdbcRefreshTokens(database),
                new JdbcGrants(database), audit, audit);
    }
}
