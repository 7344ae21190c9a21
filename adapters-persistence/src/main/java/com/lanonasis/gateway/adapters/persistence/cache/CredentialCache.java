package com.lanonasis.gateway.adapters.persistence.cache;

import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;

/**
 * Hot credential records (API keys, users, OAuth access tokens, OAuth clients) kept in memory, so that an
 * authenticated request makes no credential SQL round trip. Safety rests on one shared
 * {@link Generation} number, not on expiry:
 * <ul>
 *   <li>every statement that changes a cached kind of record (revocation, rotation, role, disabling,
 *       deletion, the retention purge), whichever store runs it, advances the generation
 *       ({@link JdbcDatabase.WriteWatch}): once when the statement is prepared (a failure fails the
 *       write) and again once the write is visible to other connections;</li>
 *   <li>every lookup reads the current generation first (on several instances it lives in Redis, so
 *       this is one Redis round trip) and uses a cached record only if it was loaded under that same
 *       generation: the very next request anywhere after a revocation reads the database;</li>
 *   <li>when the generation cannot be read (Redis down), the cache is bypassed;</li>
 *   <li>records also expire after a short time to live, a backstop only; and what a record itself
 *       says (expiry, revocation time) is checked by the caller at every use.</li>
 * </ul>
 * Misses are never cached, so adding a record needs no invalidation. Bounded: a region that
 * reaches its maximum size is emptied. A change written around this service (SQL by hand) is seen
 * after the time to live, or at once after {@link #forgetAll()}.
 */
public final class CredentialCache {

    /** The shared invalidation counter: in this process (one instance) or in Redis (several). */
    public interface Generation {
        /** @throws StoreUnavailable when the counter cannot be read: the cache is bypassed */
        long current();

        /** @throws StoreUnavailable when the counter cannot be advanced: the change must fail */
        void advance();
    }

    /** The counter of a single instance. */
    public static Generation local() {
        AtomicLong counter = new AtomicLong();
        return new Generation() {
            @Override
            public long current() {
                return counter.get();
            }

            @Override
            public void advance() {
                counter.incrementAndGet();
            }
        };
    }

    private static final System.Logger LOG = System.getLogger(CredentialCache.class.getName());

    private final Generation generation;
    private final long ttlNanos;
    private final int maxEntries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param database the identity database the cached records live in: a change advances the
     *                 generation again once that database's open transaction ends
     */
    public CredentialCache(Generation generation, JdbcDatabase database, Duration ttl, int maxEntries) {
        if (maxEntries < 1 || ttl.isNegative()) {
            throw new IllegalArgumentException("credential cache: size must be positive and ttl not negative");
        }
        this.generation = generation;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        database.watchWrites(new JdbcDatabase.WriteWatch() {
            @Override
            public boolean watches(String sql) {
                return changesCredentials(sql);
            }

            @Override
            public void written() {
                generation.advance();
            }

            @Override
            public void visible() {
                try {
                    generation.advance();
                } catch (StoreUnavailable e) {
                    LOG.log(System.Logger.Level.WARNING, "credential cache: a change was not announced after its"
                            + " commit; other instances keep their records for at most the cache's time to live: "
                            + e.getMessage());
                }
            }
        });
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    <K, V> Region<K, V> region() {
        return new Region<>();
    }

    /**
     * For changes written around this service (SQL by hand, tests): every instance forgets what it
     * holds. Without it such a change is seen after the time to live at the latest.
     */
    public void forgetAll() {
        generation.advance();
    }

    /**
     * The statements that change a cached kind of record, whoever runs them (this service's stores,
     * the retention purge): updates and deletes of {@code users}, {@code api_keys} (but not the
     * advisory {@code last_used_at}), {@code oauth_access_tokens} and {@code oauth_clients}, and inserts into
     * the deny-list of self-contained tokens ({@code oauth_revoked_tokens}: its cached answer is mostly
     * "not listed"). Other inserts need nothing: misses are not cached.
     */
    public static boolean changesCredentials(String sql) {
        if (sql.startsWith(DENY)) {
            return true;
        }
        if (sql.isEmpty() || sql.charAt(0) != 'U' && sql.charAt(0) != 'D') {
            return false;
        }
        return CHANGE.matcher(sql).lookingAt() && !sql.startsWith("UPDATE api_keys SET last_used_at ");
    }

    private static final String DENY = "INSERT INTO oauth_revoked_tokens ";

    private static final Pattern CHANGE = Pattern.compile(
            "(UPDATE|DELETE FROM)\\s+(users|api_keys|oauth_access_tokens|oauth_clients)\\b");

    private record Entry<V>(V value, long generation, long loadedAt) {
    }

    /** One kind of record, by its lookup key. */
    final class Region<K, V> {

        private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

        Optional<V> get(K key, Supplier<Optional<V>> load) {
            if (ttlNanos == 0) {
                return load.get();
            }
            long current;
            try {
                current = generation.current();
            } catch (StoreUnavailable e) {
                return load.get();
            }
            long now = System.nanoTime();
            Entry<V> entry = entries.get(key);
            if (entry != null && entry.generation() == current && now - entry.loadedAt() < ttlNanos) {
                hits.incrementAndGet();
                return Optional.of(entry.value());
            }
            misses.incrementAndGet();
            // the generation was read before the load: a change committed meanwhile makes this entry stale
            Optional<V> loaded = load.get();
            if (loaded.isPresent()) {
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
                entries.put(key, new Entry<>(loaded.get(), current, now));
            } else if (entry != null) {
                entries.remove(key, entry);
            }
            return loaded;
        }

        /** Updates this instance's copy after an advisory write (e.g. last use); no other instance is told. */
        void update(K key, UnaryOperator<V> change) {
            entries.computeIfPresent(key, (k, entry) -> new Entry<>(change.apply(entry.value()), entry.generation(),
                    entry.loadedAt()));
        }
    }
}
