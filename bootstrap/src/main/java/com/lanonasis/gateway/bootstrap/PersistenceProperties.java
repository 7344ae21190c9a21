package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** The persistence adapters' tuning, one {@code @ConfigurationProperties} record per area, each checked when bound. */
final class PersistenceProperties {

    private PersistenceProperties() {
    }

    /**
     * The credential cache of authenticated requests, {@code onasis.credentials.cache-*} (docs/performance.md).
     *
     * @param cacheTtl        {@code ONASIS_CREDENTIAL_CACHE_TTL}: a backstop time to live; 0s turns the cache off (≥ 0)
     * @param cacheMaxEntries {@code ONASIS_CREDENTIALS_CACHE_MAX_ENTRIES}: records held (≥ 1)
     */
    @Context
    @ConfigurationProperties("onasis.credentials")
    record CredentialCacheSettings(@Bindable(defaultValue = "30s") Duration cacheTtl,
                                   @Bindable(defaultValue = "10000") int cacheMaxEntries) {

        CredentialCacheSettings {
            SettingChecks.notNegative("ONASIS_CREDENTIAL_CACHE_TTL (onasis.credentials.cache-ttl)", cacheTtl);
            SettingChecks.atLeast("ONASIS_CREDENTIALS_CACHE_MAX_ENTRIES (onasis.credentials.cache-max-entries)", 1,
                    cacheMaxEntries);
        }
    }

    /**
     * How issued tokens' rows are committed, {@code onasis.oauth.token-writes.*} (docs/performance.md).
     *
     * @param groupCommit {@code ONASIS_TOKEN_GROUP_COMMIT}: client_credentials tokens waiting at the same
     *                    time are committed in one transaction by one writer thread (each request still
     *                    answers only after its rows are committed)
     * @param maxBatch    {@code ONASIS_TOKEN_GROUP_COMMIT_MAX_BATCH}: tokens per transaction at most (≥ 1)
     * @param selfContainedClientTokens {@code ONASIS_SELF_CONTAINED_CLIENT_TOKENS}: client_credentials JWTs
     *                    are not stored, the signed token is its own record (checked by signature, client
     *                    state and a deny-list); {@code false} stores a row per token as before
     */
    @Context
    @ConfigurationProperties("onasis.oauth.token-writes")
    record TokenWriteSettings(@Bindable(defaultValue = "true") boolean groupCommit,
                              @Bindable(defaultValue = "64") int maxBatch,
                              @Bindable(defaultValue = "true") boolean selfContainedClientTokens) {

        TokenWriteSettings {
            SettingChecks.atLeast("ONASIS_TOKEN_GROUP_COMMIT_MAX_BATCH (onasis.oauth.token-writes.max-batch)", 1,
                    maxBatch);
        }
    }

    /**
     * Reads of memory entries counted in memory and written behind, {@code onasis.memory-access.*}.
     *
     * @param pendingMax  {@code ONASIS_MEMORY_ACCESS_PENDING_MAX}: entries with reads waiting (≥ 1)
     * @param flushPeriod {@code ONASIS_MEMORY_ACCESS_FLUSH_PERIOD}: written this often (positive)
     */
    @Context
    @ConfigurationProperties("onasis.memory-access")
    record MemoryAccessSettings(@Bindable(defaultValue = "100000") int pendingMax,
                                @Bindable(defaultValue = "1s") Duration flushPeriod) {

        MemoryAccessSettings {
            SettingChecks.atLeast("ONASIS_MEMORY_ACCESS_PENDING_MAX (onasis.memory-access.pending-max)", 1, pendingMax);
            SettingChecks.positive("ONASIS_MEMORY_ACCESS_FLUSH_PERIOD (onasis.memory-access.flush-period)", flushPeriod);
        }
    }

    /**
     * Password hashing, {@code onasis.passwords.argon2.*} (OWASP's Argon2id defaults).
     *
     * @param memoryKib   {@code ONASIS_ARGON2_MEMORY_KIB}: at least 8 × parallelism (Argon2's minimum)
     * @param iterations  {@code ONASIS_ARGON2_ITERATIONS}: ≥ 1
     * @param parallelism {@code ONASIS_ARGON2_PARALLELISM}: ≥ 1
     */
    @Context
    @ConfigurationProperties("onasis.passwords.argon2")
    record Argon2Settings(@Bindable(defaultValue = "19456") int memoryKib,
                          @Bindable(defaultValue = "2") int iterations,
                          @Bindable(defaultValue = "1") int parallelism) {

        Argon2Settings {
            SettingChecks.atLeast("ONASIS_ARGON2_ITERATIONS (onasis.passwords.argon2.iterations)", 1, iterations);
            SettingChecks.atLeast("ONASIS_ARGON2_PARALLELISM (onasis.passwords.argon2.parallelism)", 1, parallelism);
            SettingChecks.atLeast("ONASIS_ARGON2_MEMORY_KIB (onasis.passwords.argon2.memory-kib)", 8 * parallelism,
                    memoryKib);
        }
    }

    /**
     * Signing-key retirement, {@code onasis.oauth.retired-key-grace}.
     *
     * @param retiredKeyGrace {@code ONASIS_OAUTH_RETIRED_KEY_GRACE}: a retired key stays in the JWKS this long (≥ 0)
     */
    @Context
    @ConfigurationProperties("onasis.oauth")
    record SigningKeySettings(@Bindable(defaultValue = "1d") Duration retiredKeyGrace) {

        SigningKeySettings {
            SettingChecks.notNegative("ONASIS_OAUTH_RETIRED_KEY_GRACE (onasis.oauth.retired-key-grace)", retiredKeyGrace);
        }
    }
}
