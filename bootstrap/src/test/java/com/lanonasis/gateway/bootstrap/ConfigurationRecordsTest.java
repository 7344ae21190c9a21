package com.lanonasis.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The {@code @ConfigurationProperties} records of storage, persistence tuning, search, short-lived state and
 * upstreams: the same names and defaults as the {@code @Property} injections they replace, and a value out of
 * range stops start-up with one line naming its environment variable.
 */
class ConfigurationRecordsTest {

    private static String startUpLine(String property, String value, String... more) {
        Map<String, Object> settings = new HashMap<>(Map.of("onasis.search.embeddings", "none", property, value));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(EmbeddedServer.class, settings, "test").close());
        String line = Application.configurationProblem(failure).orElseThrow(() -> failure);
        assertFalse(line.contains("\n"), line);
        return line;
    }

    @ParameterizedTest
    @CsvSource({
            "onasis.database.max-pool-size, 0, ONASIS_DATABASE_POOL_SIZE (onasis.database.max-pool-size) must be at least 1",
            "onasis.database.acquire-timeout, 0s, ONASIS_DATABASE_ACQUIRE_TIMEOUT (onasis.database.acquire-timeout) must be a positive duration",
            "onasis.credentials.cache-max-entries, 0, ONASIS_CREDENTIALS_CACHE_MAX_ENTRIES",
            "onasis.credentials.cache-ttl, -1s, ONASIS_CREDENTIAL_CACHE_TTL (onasis.credentials.cache-ttl) must be a duration of 0s or more",
            "onasis.memory-access.flush-period, 0s, ONASIS_MEMORY_ACCESS_FLUSH_PERIOD",
            "onasis.passwords.argon2.parallelism, 0, ONASIS_ARGON2_PARALLELISM (onasis.passwords.argon2.parallelism) must be at least 1",
            "onasis.oauth.retired-key-grace, -1h, ONASIS_OAUTH_RETIRED_KEY_GRACE",
            "onasis.search.cache-vectors, lots, ONASIS_SEARCH_CACHE_VECTORS must be auto or a number",
            "onasis.search.cache-revalidate, -1s, ONASIS_SEARCH_CACHE_REVALIDATE",
            "onasis.search.openai.timeout, 0s, ONASIS_SEARCH_OPENAI_TIMEOUT",
            "onasis.search.degrade, maybe, ONASIS_SEARCH_DEGRADE must be fail or text, not maybe",
            "onasis.ephemeral, Redis, ONASIS_EPHEMERAL (onasis.ephemeral) must be memory or redis, not Redis",
            "onasis.events.retention, 0s, ONASIS_EVENTS_RETENTION (onasis.events.retention) must be a positive duration",
            "onasis.upstream.connect-timeout, 0s, ONASIS_UPSTREAM_CONNECT_TIMEOUT (onasis.upstream.connect-timeout)",
            "onasis.upstream.stdio.max-per-user, 0, ONASIS_UPSTREAM_STDIO_MAX_PER_USER (onasis.upstream.stdio.max-per-user) must be at least 1",
    })
    void aValueOutOfRangeStopsStartUpWithOneLineNamingItsVariable(String property, String value, String expected) {
        String line = startUpLine(property, value);

        assertTrue(line.startsWith(expected), line);
    }

    @ParameterizedTest
    @CsvSource({
            "onasis.events.retention, banana, ONASIS_EVENTS_RETENTION (onasis.events.retention) must be a duration such as 30s",
            "onasis.upstream.stdio.idle-timeout, -PT1S, ONASIS_UPSTREAM_STDIO_IDLE_TIMEOUT (onasis.upstream.stdio.idle-timeout) must be a duration",
            "onasis.database.max-pool-size, ten, ONASIS_DATABASE_POOL_SIZE (onasis.database.max-pool-size) must be a whole number, not ten",
            "onasis.oauth.access-token-lifetime, an hour, ONASIS_OAUTH_ACCESS_TOKEN_LIFETIME (onasis.oauth.access-token-lifetime) must be a duration",
            "onasis.mcp.session-idle-timeout, soon, ONASIS_MCP_SESSION_IDLE_TIMEOUT (onasis.mcp.session-idle-timeout) must be a duration",
            "onasis.request-log.queue-capacity, many, ONASIS_REQUEST_LOG_QUEUE (onasis.request-log.queue-capacity) must be a whole number",
    })
    void aValueThatIsNoneOfItsTypeStopsStartUpInsteadOfFallingBackToTheDefault(String property, String value,
                                                                               String expected) {
        String line = startUpLine(property, value);

        assertTrue(line.startsWith(expected), line);
    }

    @Test
    void aRedisUrlThatIsNoRedisUrlStopsStartUpWithoutEchoingIt() {
        String line = startUpLine("onasis.redis.url", "http://user:s3cret@cache.example", "onasis.ephemeral", "redis");

        assertTrue(line.startsWith("ONASIS_REDIS_URL (onasis.redis.url) must be a redis:// or rediss:// URL"), line);
        assertFalse(line.contains("s3cret"), line);
    }

    @Test
    void theDefaultsAreTheOnesThePropertyInjectionsHad() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("onasis.search.embeddings", "none"), "test")) {
            StorageProperties storage = context.getBean(StorageProperties.class);
            assertEquals("h2", storage.storage());
            assertEquals(10, storage.database().maxPoolSize());
            assertEquals(Duration.ofSeconds(30), storage.database().connectTimeout());
            assertEquals(Duration.ofSeconds(5), storage.database().acquireTimeout());
            assertTrue(storage.database().url().startsWith("jdbc:h2:mem:"), "application-test.yml's URL is bound");
            var cache = context.getBean(PersistenceProperties.CredentialCacheSettings.class);
            assertEquals(Duration.ofSeconds(30), cache.cacheTtl());
            assertEquals(10_000, cache.cacheMaxEntries());
            var access = context.getBean(PersistenceProperties.MemoryAccessSettings.class);
            assertEquals(100_000, access.pendingMax());
            assertEquals(Duration.ofSeconds(1), access.flushPeriod());
            var argon2 = context.getBean(PersistenceProperties.Argon2Settings.class);
            assertEquals(1024, argon2.memoryKib(), "application-test.yml's cheap parameters are bound");
            assertEquals(1, argon2.parallelism());
            assertEquals(Duration.ofDays(1), context.getBean(PersistenceProperties.SigningKeySettings.class).retiredKeyGrace());
            SearchProperties search = context.getBean(SearchProperties.class);
            assertEquals("none", search.embeddings());
            assertEquals("startup", search.modelLoading());
            assertEquals("auto", search.cacheVectors());
            assertEquals(0.95, search.duplicateSimilarity());
            assertEquals(Duration.ofSeconds(1), search.cacheRevalidate());
            assertEquals(1536, search.openai().dimensions());
            assertEquals("text-embedding-3-small", search.openai().model());
            assertEquals(Duration.ofSeconds(10), search.openai().timeout());
            ShortLivedStateProperties shortLived = context.getBean(ShortLivedStateProperties.class);
            assertEquals("memory", shortLived.ephemeral());
            assertEquals(Duration.ofMinutes(15), shortLived.events().retention());
            RedisProperties redis = context.getBean(RedisProperties.class);
            assertEquals("redis://localhost:6379", redis.url());
            assertEquals(Duration.ofMillis(500), redis.commandTimeout());
        }
    }
}
