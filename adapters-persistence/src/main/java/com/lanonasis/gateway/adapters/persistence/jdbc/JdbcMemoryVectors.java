package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.shared.UserId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vectors in a table beside the entries (float32 bytes, one row per entry, the model recorded),
 * searched by brute force over one owner's vectors of one model. Each owner's vectors are cached
 * in memory as unit-length floats (the arrays trimmed after a load). The cache is checked against the table
 * at most once per {@code revalidateAfter}, on a background thread, by reading one row: the owner's
 * version of the model in {@code memory_vector_versions}, which a trigger advances with every change
 * to the owner's vectors (cascade deletes included, migration V9). A search never waits for that check:
 * it is served from the cache, and a version that moved reloads the owner's vectors for the searches
 * after it. So another instance's writes are seen within about that time, and this instance's own writes
 * update the cache at once. After one of those, the cache's version is unknown until a check has compared
 * the table's COUNT and SUM of write stamps with the cache (once, O(n)): a write that was rolled back
 * after it reached the cache is caught that way, and when they agree the cache takes the version.
 * A {@code revalidateAfter} of zero checks synchronously before every search (tests).
 * A pgvector adapter would implement the same port with an index instead of the scan.
 */
public final class JdbcMemoryVectors implements MemoryVectors {

    /** Stamps are summed modulo this prime, so the sum of millions of microsecond stamps fits a BIGINT. */
    private static final long STAMP_MODULUS = 1_000_000_007L;
    /** How far another instance's clock may be behind ours for its writes to be picked up without a reload. */
    private static final long CLOCK_MARGIN_MICROS = 5_000_000L;

    private final JdbcDatabase database;
    private final Tenancy tenancy;
    private final long cacheBudget;
    private final long revalidateNanos;
    private final AtomicLong lastStamp = new AtomicLong();
    /** Counts this instance's writes, so a first load that raced one is checked again at the next search. */
    private final AtomicLong localWrites = new AtomicLong();
    /** One daemon thread for the cache checks, started on first need. */
    private volatile ExecutorService revalidator;
    /** Least recently searched first; evicted while the total of cached vectors exceeds the budget. */
    private final LinkedHashMap<Key, OwnerVectors> cache = new LinkedHashMap<>(16, 0.75f, true);

    public JdbcMemoryVectors(JdbcDatabase database, Tenancy tenancy, long cacheBudget, Duration revalidateAfter) {
        this.database = database;
        this.tenancy = tenancy;
        this.cacheBudget = cacheBudget;
        this.revalidateNanos = revalidateAfter.toNanos();
    }

    public JdbcMemoryVectors(JdbcDatabase database, Tenancy tenancy) {
        this(database, tenancy, 200_000, Duration.ofSeconds(1));
    }

    private <T> T as(UserId owner, JdbcDatabase.SqlWork<T> work) {
        if (tenancy == Tenancy.BY_QUERY) {
            return database.run(work);
        }
        return database.alwaysCommit(() -> database.run(session -> {
            try (PreparedStatement role = session.prepare("SET LOCAL ROLE authenticated")) {
                role.execute();
            }
            try (PreparedStatement claims = session.prepare("SELECT set_config('request.jwt.claims', ?, true)")) {
                claims.setString(1, "{\"sub\":\"" + owner + "\",\"role\":\"authenticated\"}");
                claims.execute();
            }
            return work.apply(session);
        }));
    }

    @Override
    public void put(UserId owner, MemoryId id, EmbeddingModel model, float[] vector) {
        if (vector.length != model.dimensions()) {
            throw new IllegalArgumentException("a vector of " + vector.length + " for a model of "
                    + model.dimensions() + " dimensions");
        }
        long stamp = nextStamp();
        localWrites.incrementAndGet();
        int stored = as(owner, session -> {
            try (PreparedStatement delete = session.prepare(
                    "DELETE FROM memory_vectors WHERE memory_id = ? AND user_id = ?")) {
                delete.setObject(1, id.value());
                delete.setObject(2, owner.value());
                delete.executeUpdate();
            }
            // only while the entry exists: a background embedding never resurrects a deleted entry
            try (PreparedStatement insert = session.prepare("INSERT INTO memory_vectors (memory_id, user_id, model,"
                    + " dimensions, vector, embedded_micros) SELECT id, user_id, ?, ?, ?, ? FROM memory_entries"
                    + " WHERE id = ? AND user_id = ?")) {
                insert.setString(1, model.id());
                insert.setInt(2, model.dimensions());
                insert.setBytes(3, bytes(vector));
                insert.setLong(4, stamp);
                insert.setObject(5, id.value());
                insert.setObject(6, owner.value());
                return insert.executeUpdate();
            }
        });
        synchronized (cache) {
            cache.forEach((key, vectors) -> {
                if (key.owner().equals(owner.value())) {
                    if (key.model().equals(model) && stored == 1) {
                        vectors.put(id.value(), vector, stamp);
                    } else {
                        vectors.remove(id.value());
                    }
                }
            });
        }
    }

    @Override
    public void forget(UserId owner, List<MemoryId> ids) {
        localWrites.incrementAndGet();
        as(owner, session -> {
            try (PreparedStatement delete = session.prepare(
                    "DELETE FROM memory_vectors WHERE memory_id = ? AND user_id = ?")) {
                for (MemoryId id : ids) {
                    delete.setObject(1, id.value());
                    delete.setObject(2, owner.value());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
        synchronized (cache) {
            cache.forEach((key, vectors) -> {
                if (key.owner().equals(owner.value())) {
                    ids.forEach(id -> vectors.remove(id.value()));
                }
            });
        }
    }

    @Override
    public List<Ranked> nearest(UserId owner, EmbeddingModel model, float[] query, Set<MemoryType> types,
                                Tags anyOfTags, int max) {
        OwnerVectors vectors = current(owner, model);
        Set<UUID> allowed = types.isEmpty() && anyOfTags.isEmpty() ? null : filtered(owner, types, anyOfTags);
        if (query.length != model.dimensions()) {
            throw new IllegalArgumentException("a query of " + query.length + " for a model of "
                    + model.dimensions() + " dimensions");
        }
        return vectors.nearest(Embeddings.normalized(query), allowed, max);
    }

    @Override
    public List<Unembedded> unembedded(EmbeddingModel model, int max) {
        // the store's own role, not a user's: the background embedder works for every owner
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT m.id, m.user_id, m.title, m.content"
                    + " FROM memory_entries m WHERE NOT EXISTS (SELECT 1 FROM memory_vectors v"
                    + " WHERE v.memory_id = m.id AND v.model = ? AND v.dimensions = ?)"
                    + " ORDER BY m.created_at, m.id LIMIT " + max)) {
                select.setString(1, model.id());
                select.setInt(2, model.dimensions());
                try (ResultSet row = select.executeQuery()) {
                    List<Unembedded> pending = new ArrayList<>();
                    while (row.next()) {
                        pending.add(new Unembedded(new UserId(Rows.uuid(row, "user_id")),
                                new MemoryId(Rows.uuid(row, "id")),
                                row.getString("title") + "\n\n" + row.getString("content")));
                    }
                    return pending;
                }
            }
        });
    }

    @Override
    public Coverage coverage(EmbeddingModel model) {
        return database.run(session -> {
            long embedded;
            long total;
            try (PreparedStatement count = session.prepare(
                    "SELECT COUNT(*) FROM memory_vectors WHERE model = ? AND dimensions = ?")) {
                count.setString(1, model.id());
                count.setInt(2, model.dimensions());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    embedded = row.getLong(1);
                }
            }
            try (PreparedStatement count = session.prepare("SELECT COUNT(*) FROM memory_entries")) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            return new Coverage(embedded, Math.max(0, total - embedded));
        });
    }

    /**
     * The owner's vectors of the model: from the cache, checked against the table in the background
     * once {@code revalidateAfter} has passed (synchronously when it is zero); loaded on a miss.
     */
    private OwnerVectors current(UserId owner, EmbeddingModel model) {
        Key key = new Key(owner.value(), model);
        OwnerVectors cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        if (cached != null) {
            if (System.nanoTime() - cached.checkedAt < revalidateNanos) {
                return cached;
            }
            if (revalidateNanos > 0) {
                if (cached.checking.compareAndSet(false, true)) {
                    revalidator().execute(() -> {
                        try {
                            revalidate(key, owner, model, cached);
                        } catch (RuntimeException e) {
                            cached.checkedAt = System.nanoTime(); // the database is down: try again later
                        } finally {
                            cached.checking.set(false);
                        }
                    });
                }
                return cached;
            }
            OwnerVectors checked = revalidate(key, owner, model, cached);
            if (checked != null) {
                return checked;
            }
        }
        long writesBefore = localWrites.get();
        OwnerVectors loaded = load(owner, model);
        if (localWrites.get() != writesBefore) {
            loaded.checkedAt = 0; // a write of ours raced the load: check again at the next search
        }
        keep(key, loaded);
        return loaded;
    }

    /**
     * Checks the cached vectors against the table; when they disagree, loads the table's and caches
     * those (unless a write of this instance raced the load: then the next check decides). The
     * vectors to search now, or null when the caller should load them itself.
     */
    private OwnerVectors revalidate(Key key, UserId owner, EmbeddingModel model, OwnerVectors cached) {
        long writesBefore = cached.writes();
        long version = version(owner, model);
        if (cached.version() == version) {
            cached.checkedAt = System.nanoTime();
            return cached;
        }
        if (cached.version() != OwnerVectors.UNKNOWN) {
            // another instance wrote: its new and replaced vectors are the rows stamped after the newest this
            // cache holds (less a margin for the instances' clocks), read through the (user_id, model,
            // embedded_micros) index, so they need no reload of every vector; a delete still does (the
            // COUNT and SUM below then disagree)
            applyNewer(owner, model, cached, cached.newestStamp() - CLOCK_MARGIN_MICROS);
        }
        // compare the rows (read after the version, so the version is no newer than what they show)
        long[] countAndSum = countAndSum(owner, model);
        if (cached.adoptIfMatches(countAndSum[0], countAndSum[1], version, writesBefore)) {
            cached.checkedAt = System.nanoTime();
            return cached;
        }
        if (revalidateNanos == 0) {
            return null;
        }
        OwnerVectors loaded = load(owner, model);
        if (cached.writes() != writesBefore) {
            cached.checkedAt = 0; // one of this owner's writes raced the load: the next check decides
            return cached;
        }
        synchronized (cache) {
            if (cache.get(key) == cached) {
                keep(key, loaded);
            }
        }
        return loaded;
    }

    private void keep(Key key, OwnerVectors loaded) {
        synchronized (cache) {
            cache.put(key, loaded);
            long total = cache.values().stream().mapToLong(OwnerVectors::size).sum();
            var oldest = cache.entrySet().iterator();
            while (total > cacheBudget && oldest.hasNext()) {
                var entry = oldest.next();
                if (entry.getValue() != loaded) {
                    total -= entry.getValue().size();
                    oldest.remove();
                }
            }
            if (total > cacheBudget) {
                cache.remove(key);
            }
        }
    }

    private ExecutorService revalidator() {
        ExecutorService executor = revalidator;
        if (executor == null) {
            synchronized (this) {
                executor = revalidator;
                if (executor == null) {
                    executor = Executors.newSingleThreadExecutor(task -> {
                        Thread thread = new Thread(task, "vector-cache-check");
                        thread.setDaemon(true);
                        return thread;
                    });
                    revalidator = executor;
                }
            }
        }
        return executor;
    }

    /** Heap taken by the cached vectors of every owner (an estimate: arrays and index entries). */
    public long cachedBytes() {
        synchronized (cache) {
            return cache.values().stream().mapToLong(OwnerVectors::bytes).sum();
        }
    }

    private void applyNewer(UserId owner, EmbeddingModel model, OwnerVectors cached, long since) {
        as(owner, session -> {
            try (PreparedStatement select = session.prepare("SELECT memory_id, vector, embedded_micros"
                    + " FROM memory_vectors WHERE user_id = ? AND model = ? AND dimensions = ? AND embedded_micros > ?")) {
                select.setObject(1, owner.value());
                select.setString(2, model.id());
                select.setInt(3, model.dimensions());
                select.setLong(4, since);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        cached.putLoaded(Rows.uuid(row, "memory_id"), floats(row.getBytes("vector")),
                                row.getLong("embedded_micros"));
                    }
                }
            }
            return null;
        });
    }

    /** The owner's version of the model's vectors; zero before any was written. One primary-key read. */
    private long version(UserId owner, EmbeddingModel model) {
        return as(owner, session -> version(session, owner, model));
    }

    private static long version(Session session, UserId owner, EmbeddingModel model) throws java.sql.SQLException {
        try (PreparedStatement select = session.prepare("SELECT version FROM memory_vector_versions"
                + " WHERE user_id = ? AND model = ? AND dimensions = ?")) {
            select.setObject(1, owner.value());
            select.setString(2, model.id());
            select.setInt(3, model.dimensions());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private long[] countAndSum(UserId owner, EmbeddingModel model) {
        return as(owner, session -> {
            try (PreparedStatement select = session.prepare("SELECT COUNT(*),"
                    + " COALESCE(SUM(MOD(embedded_micros, " + STAMP_MODULUS + ")), 0)"
                    + " FROM memory_vectors WHERE user_id = ? AND model = ? AND dimensions = ?")) {
                select.setObject(1, owner.value());
                select.setString(2, model.id());
                select.setInt(3, model.dimensions());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new long[] {row.getLong(1), row.getLong(2)};
                }
            }
        });
    }

    private OwnerVectors load(UserId owner, EmbeddingModel model) {
        return as(owner, session -> {
            // the version first: the rows read after it are at least as new, never older
            long version = version(session, owner, model);
            try (PreparedStatement select = session.prepare("SELECT memory_id, vector, embedded_micros"
                    + " FROM memory_vectors WHERE user_id = ? AND model = ? AND dimensions = ?")) {
                select.setObject(1, owner.value());
                select.setString(2, model.id());
                select.setInt(3, model.dimensions());
                select.setFetchSize(1000);
                OwnerVectors vectors = new OwnerVectors(model.dimensions());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        vectors.put(Rows.uuid(row, "memory_id"), floats(row.getBytes("vector")),
                                row.getLong("embedded_micros"));
                    }
                }
                vectors.trim();
                vectors.version = version;
                vectors.checkedAt = System.nanoTime();
                return vectors;
            }
        });
    }

    private Set<UUID> filtered(UserId owner, Set<MemoryType> types, Tags anyOfTags) {
        StringBuilder sql = new StringBuilder("SELECT m.id FROM memory_entries m WHERE m.user_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(owner.value()));
        if (!types.isEmpty()) {
            sql.append(" AND m.type IN (").append(String.join(", ", Collections.nCopies(types.size(), "?"))).append(')');
            types.forEach(type -> parameters.add(type.wireName()));
        }
        if (!anyOfTags.isEmpty()) {
            Set<String> lower = new HashSet<>();
            anyOfTags.values().forEach(tag -> lower.add(tag.toLowerCase(Locale.ROOT)));
            sql.append(" AND EXISTS (SELECT 1 FROM memory_tags t WHERE t.memory_id = m.id AND t.user_id = ?"
                    + " AND t.tag IN (").append(String.join(", ", Collections.nCopies(lower.size(), "?"))).append("))");
            parameters.add(owner.value());
            parameters.addAll(lower);
        }
        return as(owner, session -> {
            try (PreparedStatement select = session.prepare(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                Set<UUID> ids = new HashSet<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(Rows.uuid(row, "id"));
                    }
                }
                return ids;
            }
        });
    }

    /** Microseconds since the epoch, strictly increasing within this instance. */
    private long nextStamp() {
        long now = System.currentTimeMillis() * 1000;
        return lastStamp.updateAndGet(last -> Math.max(now, last + 1));
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private record Key(UUID owner, EmbeddingModel model) {
    }

    /**
     * One owner's unit vectors of one model, packed in one float array (slot i at i × dimensions)
     * for a cache-friendly scan; with the count and sum of write stamps the table should show.
     * Floats, not int8: quantised vectors took a quarter of the memory with the same Cranfield
     * quality, but their scan was 1.3 to 2.7 times slower on Java 17 (no Vector API), see docs/search.md.
     */
    private static final class OwnerVectors {

        /** No table version is ever this (they count up from 1; 0 means none written yet). */
        static final long UNKNOWN = -1;

        private final int dimensions;
        private final Map<UUID, Integer> slots = new HashMap<>();
        private UUID[] ids = new UUID[64];
        private long[] stamps = new long[64];
        private float[] data;
        private int size;
        private long stampSum;
        private long writes;
        private long newestStamp;
        /** The table's version these vectors were last found to agree with; {@link #UNKNOWN} after a write of ours. */
        private long version = UNKNOWN;
        volatile long checkedAt;
        final AtomicBoolean checking = new AtomicBoolean();

        OwnerVectors(int dimensions) {
            this.dimensions = dimensions;
            this.data = new float[64 * dimensions];
        }

        synchronized int size() {
            return size;
        }

        /** Arrays plus, per vector, a map entry, a boxed slot and a UUID (about 100 bytes). */
        synchronized long bytes() {
            return data.length * 4L + ids.length * 4L + stamps.length * 8L + size * 100L;
        }

        /** How many writes of this instance reached these vectors (puts and removals). */
        synchronized long writes() {
            return writes;
        }

        synchronized long version() {
            return version;
        }

        /** Takes the table's version when the rows agree with these vectors and no write of ours came between. */
        synchronized boolean adoptIfMatches(long count, long sum, long tableVersion, long writesBefore) {
            if (size != count || stampSum != sum) {
                return false;
            }
            if (writes == writesBefore) {
                version = tableVersion;
            }
            return true;
        }

        /** Drops the slack of the doubling growth (after a load; the owner's writes grow it again). */
        synchronized void trim() {
            int capacity = Math.max(size + size / 16, 16);
            ids = Arrays.copyOf(ids, capacity);
            stamps = Arrays.copyOf(stamps, capacity);
            data = Arrays.copyOf(data, capacity * dimensions);
        }

        synchronized void put(UUID id, float[] vector, long stamp) {
            writes++;
            version = UNKNOWN;
            store(id, vector, stamp);
        }

        /** A row read from the table (another instance's write): not one of ours, the version stays. */
        synchronized void putLoaded(UUID id, float[] vector, long stamp) {
            Integer slot = slots.get(id);
            if (slot != null && stamps[slot] == stamp) {
                return;
            }
            store(id, vector, stamp);
        }

        synchronized long newestStamp() {
            return newestStamp;
        }

        private void store(UUID id, float[] vector, long stamp) {
            newestStamp = Math.max(newestStamp, stamp);
            Integer slot = slots.get(id);
            if (slot == null) {
                if (size == ids.length) {
                    int capacity = Math.max(16, size * 2);
                    ids = Arrays.copyOf(ids, capacity);
                    stamps = Arrays.copyOf(stamps, capacity);
                    data = Arrays.copyOf(data, capacity * dimensions);
                }
                slot = size++;
                slots.put(id, slot);
                ids[slot] = id;
            } else {
                stampSum -= stamps[slot] % STAMP_MODULUS;
            }
            stamps[slot] = stamp;
            stampSum += stamp % STAMP_MODULUS;
            System.arraycopy(Embeddings.normalized(vector), 0, data, slot * dimensions, dimensions);
        }

        synchronized void remove(UUID id) {
            writes++;
            version = UNKNOWN;
            Integer slot = slots.remove(id);
            if (slot == null) {
                return;
            }
            stampSum -= stamps[slot] % STAMP_MODULUS;
            int last = --size;
            if (slot != last) {
                ids[slot] = ids[last];
                stamps[slot] = stamps[last];
                System.arraycopy(data, last * dimensions, data, slot * dimensions, dimensions);
                slots.put(ids[slot], slot);
            }
            ids[last] = null;
        }

        /**
         * Four running sums rather than one: the JIT keeps them in flight together, about twice as fast. The
         * loop is bounded by the query's own length (a local the JIT can prove its indexes against).
         */
        private static float dot(float[] query, float[] data, int offset) {
            float a = 0;
            float b = 0;
            float c = 0;
            float d = 0;
            int i = 0;
            int dimensions = query.length;
            for (; i + 3 < dimensions; i += 4) {
                a += query[i] * data[offset + i];
                b += query[i + 1] * data[offset + i + 1];
                c += query[i + 2] * data[offset + i + 2];
                d += query[i + 3] * data[offset + i + 3];
            }
            for (; i < dimensions; i++) {
                a += query[i] * data[offset + i];
            }
            return a + b + c + d;
        }

        synchronized List<Ranked> nearest(float[] query, Set<UUID> allowed, int max) {
            // the fields read once into locals: the loop then has nothing to reload after the queue's calls
            float[] data = this.data;
            UUID[] ids = this.ids;
            int size = this.size;
            int dimensions = this.dimensions;
            if (query.length != dimensions) {
                throw new IllegalArgumentException("a query of " + query.length + " for vectors of " + dimensions);
            }
            if (max <= 0) {
                return List.of();
            }
            PriorityQueue<Ranked> best = new PriorityQueue<>(max + 1,
                    (a, b) -> Double.compare(a.score(), b.score()));
            float floor = Float.NEGATIVE_INFINITY; // the worst score kept, once the queue is full
            for (int slot = 0; slot < size; slot++) {
                if (allowed != null && !allowed.contains(ids[slot])) {
                    continue;
                }
                float dot = dot(query, data, slot * dimensions);
                if (best.size() < max) {
                    best.add(new Ranked(new MemoryId(ids[slot]), dot));
                    if (best.size() == max) {
                        floor = (float) best.peek().score();
                    }
                } else if (dot > floor) {
                    best.poll();
                    best.add(new Ranked(new MemoryId(ids[slot]), dot));
                    floor = (float) best.peek().score();
                }
            }
            List<Ranked> ranked = new ArrayList<>(best);
            ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
            return ranked;
        }
    }
}
