package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryConsents;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.embedded.inmemory.InMemoryGrants;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
import java.time.Clock;
import java.time.ZoneOffset;

/** The embedded core's OAuth stores and audit trail keep the same contract as the databases. */
class InMemoryOAuthStoresTest extends OAuthStoresContract {

    @Override
    Stores stores() {
        InMemoryDatabase database = new InMemoryDatabase();
        InMemoryAccessTokens accessTokens = new InMemoryAccessTokens(database);
        InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(database);
        InMemoryAuditLog audit = new InMemoryAuditLog(database);
        return new Stores(new InMemoryClients(database), new InMemoryConsents(database, Clock.fixed(T0,
                ZoneOffset.UTC)), accessTokens, refreshTokens, new InMemoryGrants(database, accessTokens, refreshTokens),
                audit, audit);
    }
}
