package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.persistence.cache.CachedAccessTokens;
import com.lanonasis.gateway.adapters.persistence.cache.CachedClients;
import com.lanonasis.gateway.adapters.persistence.cache.CachedRevokedAccessTokens;
import com.lanonasis.gateway.adapters.persistence.cache.CachedApiKeys;
import com.lanonasis.gateway.adapters.persistence.cache.CachedUsers;
import com.lanonasis.gateway.adapters.persistence.cache.CredentialCache;
import com.lanonasis.gateway.adapters.persistence.crypto.Argon2PasswordHasher;
import com.lanonasis.gateway.adapters.persistence.crypto.JwtTokenSigner;
import com.lanonasis.gateway.adapters.persistence.jdbc.AccessCounts;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcAccessTokens;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcRevokedAccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.RevokedAccessTokens;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcApiKeys;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcAuditLog;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcClients;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcConsents;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcRefreshTokens;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import com.lanonasis.gateway.adapters.persistence.redis.RedisCredentialGeneration;
import com.lanonasis.gateway.adapters.persistence.redis.RedisStore;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcMemories;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcSigningKeys;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcUsers;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.tokens.port.out.SigningKeys;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The outgoing adapters: one database for everything on the embedded default. */
@Factory
final class PersistenceFactory {

    /** Eager, so a wrong URL or an unreachable database stops the start-up with a clear message. */
    @Context
    @Bean(preDestroy = "close")
    Storage storage(StorageProperties settings) {
        StorageProperties.Database database = settings.database();
        StorageProperties.MemoryDatabase memoryDatabase = settings.memoryDatabase();
        return new Storage(
                new Storage.Group("ONASIS_STORAGE", settings.storage(), "ONASIS_DATABASE_URL", database.url(),
                        database.username(), database.password()),
                new Storage.Group("ONASIS_MEMORY_STORAGE", settings.memoryStorage(), "ONASIS_MEMORY_DATABASE_URL",
                        memoryDatabase.url(), memoryDatabase.username(), memoryDatabase.password()),
                database.maxPoolSize(), database.connectTimeout(), database.acquireTimeout());
    }

    /** The identity database: users, keys, clients, tokens, audit, signing keys. */
    /** Its group-commit writer (issue 16) commits what waits and stops before the pools close. */
    @Singleton
    @Bean(preDestroy = "stopGroupCommits")
    JdbcDatabase database(Storage storage, PersistenceProperties.TokenWriteSettings tokenWrites) {
        JdbcDatabase identity = storage.identity();
        if (tokenWrites.groupCommit()) {
            identity.groupCommits(tokenWrites.maxBatch());
        }
        return identity;
    }

    /** The pool of the identity database (tests and tools read it directly). */
    @Singleton
    HikariDataSource dataSource(Storage storage) {
        return storage.identityPool();
    }

    /**
     * The credential records of authenticated requests, in memory (docs/performance.md); the shared
     * generation is in Redis when instances share state ({@code ONASIS_EPHEMERAL=redis}), else in
     * this process (one instance).
     */
    @Singleton
    CredentialCache credentialCache(JdbcDatabase database, @Nullable RedisStore redis,
                                    PersistenceProperties.CredentialCacheSettings settings,
                                    @Nullable MeterRegistry meters) {
        CredentialCache.Generation generation = redis == null ? CredentialCache.local()
                : new RedisCredentialGeneration(redis);
        CredentialCache cache = new CredentialCache(generation, database, settings.cacheTtl(), settings.cacheMaxEntries());
        if (meters != null) {
            FunctionCounter.builder("onasis.credential.cache.hits", cache, CredentialCache::hits)
                    .description("credential lookups answered from memory").register(meters);
            FunctionCounter.builder("onasis.credential.cache.misses", cache, CredentialCache::misses)
                    .description("credential lookups that read the database").register(meters);
        }
        return cache;
    }

    /** One store for both of its ports: {@code Users} and the admin plane's {@code UserDirectory}. */
    @Singleton
    CachedUsers users(JdbcDatabase database, CredentialCache cache) {
        return new CachedUsers(new JdbcUsers(database), cache);
    }

    @Singleton
    ApiKeys apiKeys(JdbcDatabase database, CredentialCache cache) {
        return new CachedApiKeys(new JdbcApiKeys(database), cache);
    }

    /** One store for both of its ports: {@code Memories} and the admin plane's {@code AccountMemories}. */
    @Singleton
    JdbcMemories memories(Storage storage, AccessCounts accessCounts) {
        return new JdbcMemories(storage.memory(), storage.memoryTenancy(), accessCounts);
    }

    /**
     * The reads of memory entries, counted in memory and written behind by one thread (issue 16);
     * closed, so flushed, before the databases (it depends on {@link Storage}).
     */
    @Singleton
    @Bean(preDestroy = "close")
    AccessCounts accessCounts(Storage storage, PersistenceProperties.MemoryAccessSettings settings,
                              @Nullable MeterRegistry meters) {
        AccessCounts counts = new AccessCounts(settings.pendingMax(), settings.flushPeriod());
        if (meters != null) {
            FunctionCounter.builder("onasis.memory.access.dropped", counts, AccessCounts::dropped)
                    .description("memory reads not counted because too many entries waited").register(meters);
            FunctionCounter.builder("onasis.memory.access.failed", counts, AccessCounts::failed)
                    .description("memory reads not counted because the database refused their write").register(meters);
            Gauge.builder("onasis.memory.access.pending", counts, AccessCounts::pending)
                    .description("memory entries with reads waiting to be written").register(meters);
        }
        return counts;
    }

    @Singleton
    SigningKeys signingKeys(JdbcDatabase database) {
        return new JdbcSigningKeys(database);
    }

    @Singleton
    PasswordHasher passwordHasher(PersistenceProperties.Argon2Settings settings) {
        return new Argon2PasswordHasher(settings.memoryKib(), settings.iterations(), settings.parallelism());
    }

    /** One signer for user tokens and OAuth access tokens: injectable as TokenSigner and OAuthTokenSigner. */
    @Singleton
    JwtTokenSigner tokenSigner(SigningKeys keys, PublicUrl publicUrl,
                               SecretGenerator secrets, Clock clock,
                               PersistenceProperties.SigningKeySettings settings) {
        return new JwtTokenSigner(keys, publicUrl.base(), secrets, clock, settings.retiredKeyGrace());
    }

    /** Registered clients, cached by id like the credentials (docs/performance.md). */
    @Singleton
    Clients clients(JdbcDatabase database, OAuthFactory.PreRegisteredClients configured, CredentialCache cache) {
        return new CachedClients(new JdbcClients(database, configured.clients()), cache);
    }

    @Singleton
    Consents consents(JdbcDatabase database, Clock clock) {
        return new JdbcConsents(database, clock);
    }

    @Singleton
    AccessTokens accessTokens(JdbcDatabase database, CredentialCache cache) {
        return new CachedAccessTokens(new JdbcAccessTokens(database), cache);
    }

    /** The deny-list of self-contained (client_credentials) access tokens, cached like the credentials. */
    @Singleton
    RevokedAccessTokens revokedAccessTokens(JdbcDatabase database, CredentialCache cache) {
        return new CachedRevokedAccessTokens(new JdbcRevokedAccessTokens(database), cache);
    }

    @Singleton
    RefreshTokens refreshTokens(JdbcDatabase database) {
        return new JdbcRefreshTokens(database);
    }

    @Singleton
    JdbcAuditLog auditLog(JdbcDatabase database) {
        return new JdbcAuditLog(database);
    }

}
