package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.atLeast;
import static com.lanonasis.gateway.bootstrap.SettingRanges.notNegative;
import static com.lanonasis.gateway.bootstrap.SettingRanges.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Client ID Metadata Document fetching, {@code onasis.oauth.cimd.*} (docs/oauth.md), checked when bound.
 *
 * @param maxBytes          a document larger than this is refused (≥ 1)
 * @param timeout           a fetch slower than this fails (positive)
 * @param minCache          a document is cached at least this long (zero or more)
 * @param maxCache          and at most this long (not below minCache)
 * @param cacheEntries      documents cached (≥ 1)
 * @param allowPrivateHosts FOR TESTS ONLY: also fetch from loopback and private addresses
 * @param failureCache      a failed fetch is not repeated for this long (zero or more)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.oauth.cimd")
public record MetadataDocumentProperties(@Bindable(defaultValue = "5120") int maxBytes,
                                         @Bindable(defaultValue = "3s") Duration timeout,
                                         @Bindable(defaultValue = "1m") Duration minCache,
                                         @Bindable(defaultValue = "24h") Duration maxCache,
                                         @Bindable(defaultValue = "1000") int cacheEntries,
                                         @Bindable(defaultValue = "false") boolean allowPrivateHosts,
                                         @Bindable(defaultValue = "30s") Duration failureCache) {

    private static final String VARIABLE = "ONASIS_OAUTH_CIMD_";

    public MetadataDocumentProperties {
        atLeast(maxBytes, 1, VARIABLE + "MAX_BYTES", "onasis.oauth.cimd.max-bytes");
        positive(timeout, VARIABLE + "TIMEOUT", "onasis.oauth.cimd.timeout", "3s");
        notNegative(minCache, VARIABLE + "MIN_CACHE", "onasis.oauth.cimd.min-cache", "1m");
        notNegative(maxCache, VARIABLE + "MAX_CACHE", "onasis.oauth.cimd.max-cache", "24h");
        if (maxCache.compareTo(minCache) < 0) {
            throw new IllegalArgumentException(VARIABLE + "MAX_CACHE (onasis.oauth.cimd.max-cache) must not be below "
                    + "onasis.oauth.cimd.min-cache (" + minCache + "), not " + maxCache);
        }
        atLeast(cacheEntries, 1, VARIABLE + "CACHE_ENTRIES", "onasis.oauth.cimd.cache-entries");
        notNegative(failureCache, VARIABLE + "FAILURE_CACHE", "onasis.oauth.cimd.failure-cache", "30s");
    }
}
