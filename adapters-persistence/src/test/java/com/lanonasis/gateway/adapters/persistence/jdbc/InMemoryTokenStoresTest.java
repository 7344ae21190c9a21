package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;

/** The embedded core's token stores and unit of work keep the same contract as the databases. */
class InMemoryTokenStoresTest extends TokenStoresContract {

    @Override
    Stores stores() {
        InMemoryDatabase database = new InMemoryDatabase();
        return new Stores(database, new InMemoryRefreshTokens(database), new InMemoryAccessTokens(database));
    }
}
