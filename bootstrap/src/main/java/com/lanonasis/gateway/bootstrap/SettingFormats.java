package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A value that does not convert to its type (e.g. {@code ONASIS_EVENTS_RETENTION=banana}) stops start-up with
 * one line naming its variable: Micronaut binds an unconvertible value of a {@code @ConfigurationProperties}
 * record as unset, so the record alone would silently take the default.
 */
@Context
final class SettingFormats {

    /** Property → its environment variable, for the durations and numbers of every settings record: StorageProperties,
     *  PersistenceProperties, SearchProperties, ShortLivedStateProperties, RedisProperties, the upstreams'
     *  ProxySettings and UpstreamProperties, OAuthProperties, MetadataDocumentProperties, LoginLockoutProperties,
     *  TokenProperties, ApiKeyProperties, RetentionProperties, RequestLogProperties and the MCP's McpSettings. */
    private static final Map<String, String> DURATIONS = Map.ofEntries(
            Map.entry("onasis.database.connect-timeout", "ONASIS_DATABASE_CONNECT_TIMEOUT"),
            Map.entry("onasis.database.acquire-timeout", "ONASIS_DATABASE_ACQUIRE_TIMEOUT"),
            Map.entry("onasis.credentials.cache-ttl", "ONASIS_CREDENTIAL_CACHE_TTL"),
            Map.entry("onasis.memory-access.flush-period", "ONASIS_MEMORY_ACCESS_FLUSH_PERIOD"),
            Map.entry("onasis.oauth.retired-key-grace", "ONASIS_OAUTH_RETIRED_KEY_GRACE"),
            Map.entry("onasis.search.model-wait", "ONASIS_SEARCH_MODEL_WAIT"),
            Map.entry("onasis.search.cache-revalidate", "ONASIS_SEARCH_CACHE_REVALIDATE"),
            Map.entry("onasis.search.openai.timeout", "ONASIS_SEARCH_OPENAI_TIMEOUT"),
            Map.entry("onasis.events.retention", "ONASIS_EVENTS_RETENTION"),
            Map.entry("onasis.redis.command-timeout", "ONASIS_REDIS_TIMEOUT"),
            Map.entry("onasis.upstream.connect-timeout", "ONASIS_UPSTREAM_CONNECT_TIMEOUT"),
            Map.entry("onasis.upstream.request-timeout", "ONASIS_UPSTREAM_REQUEST_TIMEOUT"),
            Map.entry("onasis.upstream.stdio.idle-timeout", "ONASIS_UPSTREAM_STDIO_IDLE_TIMEOUT"),
            Map.entry("onasis.upstream.stdio.request-timeout", "ONASIS_UPSTREAM_STDIO_REQUEST_TIMEOUT"),
            Map.entry("onasis.oauth.code-lifetime", "ONASIS_OAUTH_CODE_LIFETIME"),
            Map.entry("onasis.oauth.access-token-lifetime", "ONASIS_OAUTH_ACCESS_TOKEN_LIFETIME"),
            Map.entry("onasis.oauth.refresh-token-lifetime", "ONASIS_OAUTH_REFRESH_TOKEN_LIFETIME"),
            Map.entry("onasis.oauth.device-code-lifetime", "ONASIS_OAUTH_DEVICE_CODE_LIFETIME"),
            Map.entry("onasis.oauth.device-interval", "ONASIS_OAUTH_DEVICE_INTERVAL"),
            Map.entry("onasis.oauth.consent-lifetime", "ONASIS_OAUTH_CONSENT_LIFETIME"),
            Map.entry("onasis.oauth.web-session-lifetime", "ONASIS_WEB_SESSION_LIFETIME"),
            Map.entry("onasis.oauth.cimd.timeout", "ONASIS_OAUTH_CIMD_TIMEOUT"),
            Map.entry("onasis.oauth.cimd.min-cache", "ONASIS_OAUTH_CIMD_MIN_CACHE"),
            Map.entry("onasis.oauth.cimd.max-cache", "ONASIS_OAUTH_CIMD_MAX_CACHE"),
            Map.entry("onasis.oauth.cimd.failure-cache", "ONASIS_OAUTH_CIMD_FAILURE_CACHE"),
            Map.entry("onasis.edge.login-lockout.window", "ONASIS_LOGIN_LOCKOUT_WINDOW"),
            Map.entry("onasis.tokens.user-token-lifetime", "ONASIS_USER_TOKEN_LIFETIME"),
            Map.entry("onasis.api-keys.rotation-grace", "ONASIS_API_KEY_ROTATION_GRACE"),
            Map.entry("onasis.retention.audit", "ONASIS_RETENTION_AUDIT"),
            Map.entry("onasis.retention.request-log", "ONASIS_RETENTION_REQUEST_LOG"),
            Map.entry("onasis.retention.interval", "ONASIS_RETENTION_INTERVAL"),
            Map.entry("onasis.retention.initial-delay", "ONASIS_RETENTION_INITIAL_DELAY"),
            Map.entry("onasis.upstream.refresh-every", "ONASIS_UPSTREAM_REFRESH_EVERY"),
            Map.entry("onasis.upstream.health-timeout", "ONASIS_UPSTREAM_HEALTH_TIMEOUT"),
            Map.entry("onasis.mcp.session-idle-timeout", "ONASIS_MCP_SESSION_IDLE_TIMEOUT"));

    private static final Map<String, String> NUMBERS = Map.ofEntries(
            Map.entry("onasis.database.max-pool-size", "ONASIS_DATABASE_POOL_SIZE"),
            Map.entry("onasis.credentials.cache-max-entries", "ONASIS_CREDENTIALS_CACHE_MAX_ENTRIES"),
            Map.entry("onasis.memory-access.pending-max", "ONASIS_MEMORY_ACCESS_PENDING_MAX"),
            Map.entry("onasis.passwords.argon2.memory-kib", "ONASIS_ARGON2_MEMORY_KIB"),
            Map.entry("onasis.passwords.argon2.iterations", "ONASIS_ARGON2_ITERATIONS"),
            Map.entry("onasis.passwords.argon2.parallelism", "ONASIS_ARGON2_PARALLELISM"),
            Map.entry("onasis.search.openai.dimensions", "ONASIS_SEARCH_OPENAI_DIMENSIONS"),
            Map.entry("onasis.upstream.stdio.max-processes", "ONASIS_UPSTREAM_STDIO_MAX_PROCESSES"),
            Map.entry("onasis.upstream.stdio.max-per-user", "ONASIS_UPSTREAM_STDIO_MAX_PER_USER"),
            Map.entry("onasis.oauth.max-dynamic-clients", "ONASIS_OAUTH_MAX_DYNAMIC_CLIENTS"),
            Map.entry("onasis.oauth.registrations-per-minute", "ONASIS_OAUTH_REGISTRATIONS_PER_MINUTE"),
            Map.entry("onasis.oauth.cimd.max-bytes", "ONASIS_OAUTH_CIMD_MAX_BYTES"),
            Map.entry("onasis.oauth.cimd.cache-entries", "ONASIS_OAUTH_CIMD_CACHE_ENTRIES"),
            Map.entry("onasis.edge.login-lockout.max-failures", "ONASIS_LOGIN_MAX_FAILURES"),
            Map.entry("onasis.edge.login-lockout.max-account-failures", "ONASIS_LOGIN_MAX_ACCOUNT_FAILURES"),
            Map.entry("onasis.retention.batch-size", "ONASIS_RETENTION_BATCH_SIZE"),
            Map.entry("onasis.retention.max-batches", "ONASIS_RETENTION_MAX_BATCHES"),
            Map.entry("onasis.request-log.queue-capacity", "ONASIS_REQUEST_LOG_QUEUE"),
            Map.entry("onasis.request-log.batch-size", "ONASIS_REQUEST_LOG_BATCH_SIZE"),
            Map.entry("onasis.request-log.redis-max-records", "ONASIS_REQUEST_LOG_REDIS_MAX"),
            Map.entry("onasis.mcp.max-sessions-per-user", "ONASIS_MCP_MAX_SESSIONS_PER_USER"));

    SettingFormats(Environment environment) {
        DURATIONS.forEach((property, variable) -> check(environment, property, variable, Duration.class,
                "a duration such as 30s, 5m, 500ms or 1d"));
        NUMBERS.forEach((property, variable) -> check(environment, property, variable, Long.class, "a whole number"));
        check(environment, "onasis.search.duplicate-similarity", "ONASIS_SEARCH_DUPLICATE_SIMILARITY", Double.class,
                "a number");
    }

    private static void check(Environment environment, String property, String variable, Class<?> type, String what) {
        Optional<String> raw = environment.getProperty(property, String.class);
        if (raw.isPresent() && !raw.get().isBlank() && environment.getProperty(property, type).isEmpty()) {
            throw new IllegalArgumentException(variable + " (" + property + ") must be " + what + ", not " + raw.get());
        }
    }
}
