package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The databases ({@code onasis.storage}, {@code onasis.database.*}, {@code onasis.memory-storage},
 * {@code onasis.memory-database.*}), bound at start-up and checked when bound; the flavours and URLs are
 * checked by {@link Storage}, which opens them (also at start-up).
 *
 * @param storage        {@code ONASIS_STORAGE}: h2, neon or supabase
 * @param memoryStorage  {@code ONASIS_MEMORY_STORAGE}: empty: the identity database's
 * @param database       {@code onasis.database.*}
 * @param memoryDatabase {@code onasis.memory-database.*}
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis")
record StorageProperties(@Bindable(defaultValue = "h2") String storage,
                         @Nullable String memoryStorage,
                         Database database,
                         MemoryDatabase memoryDatabase) {

    StorageProperties {
        database = database == null ? new Database(null, null, null, 10, Duration.ofSeconds(30), Duration.ofSeconds(5))
                : database;
        memoryDatabase = memoryDatabase == null ? new MemoryDatabase(null, null, null) : memoryDatabase;
    }

    /**
     * @param url            {@code ONASIS_DATABASE_URL}: empty with h2: ./data/onasis
     * @param username       {@code ONASIS_DATABASE_USERNAME}
     * @param password       {@code ONASIS_DATABASE_PASSWORD}
     * @param maxPoolSize    {@code ONASIS_DATABASE_POOL_SIZE}: connections per database (≥ 1)
     * @param connectTimeout {@code ONASIS_DATABASE_CONNECT_TIMEOUT}: start-up keeps trying this long (positive)
     * @param acquireTimeout {@code ONASIS_DATABASE_ACQUIRE_TIMEOUT}: a request waits this long for a connection (positive)
     */
    @ConfigurationProperties("database")
    record Database(@Nullable String url, @Nullable String username, @Nullable String password,
                    @Bindable(defaultValue = "10") int maxPoolSize,
                    @Bindable(defaultValue = "30s") Duration connectTimeout,
                    @Bindable(defaultValue = "5s") Duration acquireTimeout) {

        Database {
            SettingChecks.atLeast("ONASIS_DATABASE_POOL_SIZE (onasis.database.max-pool-size)", 1, maxPoolSize);
            SettingChecks.positive("ONASIS_DATABASE_CONNECT_TIMEOUT (onasis.database.connect-timeout)", connectTimeout);
            SettingChecks.positive("ONASIS_DATABASE_ACQUIRE_TIMEOUT (onasis.database.acquire-timeout)", acquireTimeout);
        }

        @Override
        public String toString() { // never the password
            return "Database[url=" + url + ", username=" + username + ", maxPoolSize=" + maxPoolSize + "]";
        }
    }

    /**
     * @param url      {@code ONASIS_MEMORY_DATABASE_URL}: empty: memories in the identity database
     * @param username {@code ONASIS_MEMORY_DATABASE_USERNAME}
     * @param password {@code ONASIS_MEMORY_DATABASE_PASSWORD}
     */
    @ConfigurationProperties("memory-database")
    record MemoryDatabase(@Nullable String url, @Nullable String username, @Nullable String password) {

        @Override
        public String toString() { // never the password
            return "MemoryDatabase[url=" + url + ", username=" + username + "]";
        }
    }
}
