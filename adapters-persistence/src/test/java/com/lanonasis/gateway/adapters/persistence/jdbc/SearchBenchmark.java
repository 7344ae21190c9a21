package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.adapters.persistence.embeddings.InProcessEmbeddings;
import com.lanonasis.gateway.domain.memory.Content;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Metadata;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.memory.Title;
import com.lanonasis.gateway.domain.shared.UserId;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Search latency at scale, straight on the stores (no HTTP): one user with N memories (synthetic
 * text from a Zipf-distributed 5 000-word vocabulary, random unit 384-d vectors), then p50/p99 of
 * the text leg, the semantic leg and both (+ reading the 10 best entries back), on H2 and Postgres;
 * heap taken by the user's cached vectors; and creates per second with the in-process model
 * embedding each one. Reports, never asserts. Not in the suite; run with
 * {@code SEARCH_BENCH_SIZES=10000,100000 ./mvnw -o -B -pl adapters-persistence -am -Dtest=SearchBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false test}. The query's own embedding (the in-process model,
 * measured below) comes on top of the semantic and hybrid figures.
 */
class SearchBenchmark {

    private static final EmbeddingModel MODEL = InProcessEmbeddings.MODEL;
    private static final int SEARCHES = 300;

    @Test
    void report() {
        String sizes = System.getenv().getOrDefault("SEARCH_BENCH_SIZES", "10000");
        String stores = System.getenv().getOrDefault("SEARCH_BENCH_STORES", "h2,postgres");
        for (String store : stores.split(",")) {
            for (String size : sizes.split(",")) {
                run(store, Integer.parseInt(size.strip()));
            }
        }
        embeddingCost();
    }

    private void run(String store, int size) {
        DataSource dataSource = store.equals("h2") ? H2.fresh() : Postgres.fresh();
        JdbcDatabase database = new JdbcDatabase(dataSource);
        JdbcMemories memories = new JdbcMemories(database);
        JdbcMemoryVectors vectors = new JdbcMemoryVectors(database, Tenancy.BY_QUERY, 1_000_000,
                java.time.Duration.parse(System.getProperty("search.bench.revalidate", "PT1S")));
        UserId owner = new UserId(UUID.randomUUID());
        Random random = new Random(42);
        float[] before = new float[size * MODEL.dimensions()];
        List<MemoryId> beforeIds = new ArrayList<>();
        long started = System.nanoTime();
        for (int from = 0; from < size; from += 500) {
            int to = Math.min(size, from + 500);
            int first = from;
            if (store.equals("postgres")) {
                // batched straight into the tables (the same rows the stores write; the generated
                // tsvector is Postgres's): statement by statement took 30 minutes for 100 000 on the
                // loaded machine
                database.alwaysCommit(() -> database.run(session -> {
                    try (var entries = session.prepare("INSERT INTO memory_entries (id, user_id, title, content,"
                            + " type, tags, metadata, created_at, updated_at, last_accessed, access_count)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                         var tags = session.prepare("INSERT INTO memory_tags (memory_id, user_id, tag) VALUES (?, ?, ?)");
                         var rows = session.prepare("INSERT INTO memory_vectors (memory_id, user_id, model, dimensions,"
                                 + " vector, embedded_micros) VALUES (?, ?, ?, ?, ?, ?)")) {
                        for (int i = first; i < to; i++) {
                            UUID id = UUID.randomUUID();
                            String tag = "t" + nextTag(random, i, entries, id, owner);
                            tags.setObject(1, id);
                            tags.setObject(2, owner.value());
                            tags.setString(3, tag);
                            tags.addBatch();
                            float[] vector = randomUnit(random);
                            rows.setObject(1, id);
                            rows.setObject(2, owner.value());
                            rows.setString(3, MODEL.id());
                            rows.setInt(4, MODEL.dimensions());
                            rows.setBytes(5, JdbcMemoryVectors.bytes(vector));
                            rows.setLong(6, i + 1L);
                            rows.addBatch();
                            System.arraycopy(vector, 0, before, beforeIds.size() * vector.length, vector.length);
                            beforeIds.add(new MemoryId(id));
                        }
                        entries.executeBatch();
                        tags.executeBatch();
                        rows.executeBatch();
                    }
                    return null;
                }));
                continue;
            }
            database.alwaysCommit(() -> {
                for (int i = first; i < to; i++) {
                    MemoryEntry entry = MemoryEntry.create(new MemoryId(UUID.randomUUID()), owner,
                            new Title(words(random, 3 + random.nextInt(4))),
                            new Content(words(random, 30 + random.nextInt(40))), MemoryType.CONTEXT,
                            Tags.of(List.of("t" + random.nextInt(20))), new Metadata(java.util.Map.of()),
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
                    memories.add(entry);
                    float[] vector = randomUnit(random);
                    vectors.put(owner, entry.id(), MODEL, vector);
                    System.arraycopy(vector, 0, before, beforeIds.size() * vector.length, vector.length);
                    beforeIds.add(entry.id());
                }
                return null;
            });
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        if (store.equals("postgres")) {
            // as autovacuum would leave a table this size: statistics and the visibility map up to date
            database.run(session -> {
                try (var vacuum = session.prepare("VACUUM ANALYZE memory_entries")) {
                    vacuum.execute();
                }
                return null;
            });
        }
        long heapBefore = usedHeap();
        long firstSearch = System.nanoTime();
        vectors.nearest(owner, MODEL, randomUnit(random), Set.of(), Tags.NONE, 10);
        double loadMillis = (System.nanoTime() - firstSearch) / 1e6;
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "%s, %d memories: stored in %.1f s (%.0f/s, no embedding); cached vectors"
                        + " take %.1f MB of heap (%.1f MB by the cache's own count); the first search, which loads"
                        + " them (as a reload after another instance's write does), %.0f ms%n", store, size, loadSeconds,
                size / loadSeconds, (heapAfter - heapBefore) / 1e6, vectors.cachedBytes() / 1e6, loadMillis);
        System.out.println(uptime());
        if (store.equals("postgres")) {
            // the same run, interleaved (each round runs the same query through each, in turn, so the
            // machine's load drifts over both alike): the store's query ("text": ts_rank over the bounded
            // candidate set, planned for its values) and session 4's (ts_rank over every match of any word)
            Map<String, Function<TextSearch, Integer>> legs = new LinkedHashMap<>();
            legs.put("text", search -> memories.findAll(owner, ids(memories.rankedByText(owner, search, 100))).size());
            legs.put("text, every match ranked (session 4)", search -> memories.findAll(owner,
                    ids(memories.rankedByText(owner, search, 100, true))).size());
            interleaved(store, size, random, legs);
        } else {
            report(store, size, "text", () -> {
                List<Ranked> hits = memories.rankedByText(owner, query(random), 100);
                return memories.findAll(owner, ids(hits)).size();
            });
        }
        // the same run, the scan of before: float vectors, a float dot product with four sums
        report(store, size, "semantic, float scan (before)", () -> {
            List<Ranked> hits = floatScan(before, beforeIds, randomUnit(random), 100);
            return memories.findAll(owner, ids(hits)).size();
        });
        report(store, size, "semantic", () -> {
            List<Ranked> hits = vectors.nearest(owner, MODEL, randomUnit(random), Set.of(), Tags.NONE, 100);
            return memories.findAll(owner, ids(hits)).size();
        });
        // hybrid both ways, interleaved (each round runs the same query and vector through both, the order
        // alternating): the legs one after the other (before session 7), and the text leg on another thread
        // beside the scan (as MemoryService runs a hybrid search since session 7)
        java.util.concurrent.ExecutorService textLegs = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "bench-text-leg");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, java.util.function.BiFunction<TextSearch, float[], Integer>> hybrids = new LinkedHashMap<>();
        hybrids.put("hybrid, legs one after the other", (search, vector) -> {
            List<Ranked> text = memories.rankedByText(owner, search, 100);
            List<Ranked> meaning = vectors.nearest(owner, MODEL, vector, Set.of(), Tags.NONE, 100);
            List<MemoryId> best = new ArrayList<>(ids(text));
            best.addAll(ids(meaning));
            return memories.findAll(owner, best.subList(0, Math.min(10, best.size()))).size();
        });
        hybrids.put("hybrid, text leg beside the scan (as the service runs it)", (search, vector) -> {
            java.util.concurrent.CompletableFuture<List<Ranked>> textLeg = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> memories.rankedByText(owner, search, 100), textLegs);
            List<Ranked> meaning = vectors.nearest(owner, MODEL, vector, Set.of(), Tags.NONE, 100);
            List<MemoryId> best = new ArrayList<>(ids(textLeg.join()));
            best.addAll(ids(meaning));
            return memories.findAll(owner, best.subList(0, Math.min(10, best.size()))).size();
        });
        hybridsInterleaved(store, size, random, hybrids);
        textLegs.shutdown();
        writeCost(store, size, database, memories, vectors, random);
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the benchmark is over for this store
            }
        }
    }

    /**
     * The write path's cost of the vector versions' trigger (V9), A/B in the same run: rounds of 100
     * creates (entry and vector, one transaction each, as a create with embedding does them) and 100
     * deletes (the entry, its vector by the cascade, then the vector store told), for another user
     * of the same tables, alternately with the trigger on and off; creates and deletes per second.
     */
    private static void writeCost(String store, int size, JdbcDatabase database, JdbcMemories memories,
                                  JdbcMemoryVectors vectors, Random random) {
        UserId writer = new UserId(UUID.randomUUID());
        Map<Boolean, long[]> nanos = new LinkedHashMap<>();
        nanos.put(true, new long[2]);
        nanos.put(false, new long[2]);
        int perRound = 100;
        for (int round = 0; round < 8; round++) {
            boolean on = round % 2 == 0;
            trigger(store, database, on);
            List<MemoryId> created = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                MemoryEntry entry = MemoryEntry.create(new MemoryId(UUID.randomUUID()), writer,
                        new Title(words(random, 4)), new Content(words(random, 40)), MemoryType.CONTEXT,
                        Tags.of(List.of("t" + random.nextInt(20))), new Metadata(java.util.Map.of()),
                        Instant.parse("2026-06-01T00:00:00Z").plusSeconds(round * perRound + i));
                float[] vector = randomUnit(random);
                database.alwaysCommit(() -> {
                    memories.add(entry);
                    vectors.put(writer, entry.id(), MODEL, vector);
                    return null;
                });
                created.add(entry.id());
            }
            long t1 = System.nanoTime();
            for (MemoryId id : created) {
                database.alwaysCommit(() -> memories.delete(writer, id));
                vectors.forget(writer, List.of(id));
            }
            long t2 = System.nanoTime();
            if (round >= 2) { // the first two rounds warm up
                nanos.get(on)[0] += t1 - t0;
                nanos.get(on)[1] += t2 - t1;
            }
        }
        trigger(store, database, true);
        int counted = 3 * perRound;
        System.out.printf(Locale.ROOT, "| %s | %d | writes, version trigger on: %.0f creates/s, %.0f deletes/s;"
                        + " off: %.0f creates/s, %.0f deletes/s | %s |%n", store, size,
                counted / (nanos.get(true)[0] / 1e9), counted / (nanos.get(true)[1] / 1e9),
                counted / (nanos.get(false)[0] / 1e9), counted / (nanos.get(false)[1] / 1e9), uptime());
    }

    private static void trigger(String store, JdbcDatabase database, boolean on) {
        List<String> statements = store.equals("h2")
                ? List.of(on ? "CREATE TRIGGER IF NOT EXISTS memory_vectors_versions AFTER INSERT, UPDATE, DELETE"
                        + " ON memory_vectors FOR EACH ROW CALL \"" + H2VectorVersions.class.getName() + "\""
                        : "DROP TRIGGER IF EXISTS memory_vectors_versions")
                : List.of("ALTER TABLE memory_vectors " + (on ? "ENABLE" : "DISABLE") + " TRIGGER USER");
        database.alwaysCommit(() -> database.run(session -> {
            for (String sql : statements) {
                try (var statement = session.prepare(sql)) {
                    statement.execute();
                }
            }
            return null;
        }));
    }

    private static void report(String store, int size, String leg, Supplier<Integer> search) {
        for (int i = 0; i < 30; i++) {
            search.get();
        }
        long[] times = new long[SEARCHES];
        for (int i = 0; i < SEARCHES; i++) {
            long t0 = System.nanoTime();
            search.get();
            times[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(times);
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %s |%n", store, size, leg,
                times[SEARCHES / 2] / 1e6, times[(int) Math.ceil(SEARCHES * 0.99) - 1] / 1e6, uptime());
    }

    /** Binds one entry of the benchmark's text (as the stores would write it) and returns its tag number. */
    private static int nextTag(Random random, int i, PreparedStatement entries, UUID id, UserId owner) {
        try {
            String title = words(random, 3 + random.nextInt(4));
            String content = words(random, 30 + random.nextInt(40));
            int tag = random.nextInt(20);
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
            entries.setObject(1, id);
            entries.setObject(2, owner.value());
            entries.setString(3, title);
            entries.setString(4, content);
            entries.setString(5, MemoryType.CONTEXT.wireName());
            entries.setString(6, "[\"t" + tag + "\"]");
            entries.setString(7, "{}");
            Rows.setInstant(entries, 8, at);
            Rows.setInstant(entries, 9, at);
            Rows.setInstant(entries, 10, null);
            entries.setLong(11, 0);
            entries.addBatch();
            return tag;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hybridsInterleaved(String store, int size, Random random,
                                           Map<String, java.util.function.BiFunction<TextSearch, float[], Integer>> legs) {
        List<String> names = new ArrayList<>(legs.keySet());
        for (int i = 0; i < 30; i++) {
            TextSearch search = query(random);
            float[] vector = randomUnit(random);
            legs.values().forEach(leg -> leg.apply(search, vector));
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        names.forEach(name -> times.put(name, new long[SEARCHES]));
        for (int i = 0; i < SEARCHES; i++) {
            TextSearch search = query(random);
            float[] vector = randomUnit(random);
            for (int n = 0; n < names.size(); n++) {
                String name = names.get((n + i) % names.size());
                long t0 = System.nanoTime();
                legs.get(name).apply(search, vector);
                times.get(name)[i] = System.nanoTime() - t0;
            }
        }
        printInterleaved(store, size, times);
    }

    private static void interleaved(String store, int size, Random random,
                                    Map<String, Function<TextSearch, Integer>> legs) {
        for (int i = 0; i < 30; i++) {
            TextSearch search = query(random);
            legs.values().forEach(leg -> leg.apply(search));
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        legs.keySet().forEach(name -> times.put(name, new long[SEARCHES]));
        for (int i = 0; i < SEARCHES; i++) {
            TextSearch search = query(random);
            for (Map.Entry<String, Function<TextSearch, Integer>> leg : legs.entrySet()) {
                long t0 = System.nanoTime();
                leg.getValue().apply(search);
                times.get(leg.getKey())[i] = System.nanoTime() - t0;
            }
        }
        printInterleaved(store, size, times);
    }

    /** One row per leg: its p50 and p99 over the interleaved rounds, with the load average. */
    private static void printInterleaved(String store, int size, Map<String, long[]> times) {
        for (Map.Entry<String, long[]> leg : times.entrySet()) {
            long[] sorted = leg.getValue();
            java.util.Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "| %s | %d | %s (interleaved) | %.1f | %.1f | %s |%n", store, size,
                    leg.getKey(), sorted[SEARCHES / 2] / 1e6, sorted[(int) Math.ceil(SEARCHES * 0.99) - 1] / 1e6,
                    uptime());
        }
    }

    private static void embeddingCost() {
        InProcessEmbeddings model = InProcessEmbeddings.shared();
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(words(random, 5) + "\n\n" + words(random, 40));
        }
        long t0 = System.nanoTime();
        for (String text : texts) {
            model.embed(text);
        }
        double single = (System.nanoTime() - t0) / 1e6 / texts.size();
        t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            model.embed(words(random, 6));
        }
        double query = (System.nanoTime() - t0) / 1e6 / 20;
        t0 = System.nanoTime();
        model.embedAll(texts);
        double batched = texts.size() / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "in-process model: %.1f ms per 45-word memory, %.1f ms per 6-word query,"
                + " %.0f memories/s batched (background re-embedding)%n", single, query, batched);
    }

    private static List<MemoryId> ids(List<Ranked> hits) {
        return hits.stream().limit(10).map(Ranked::id).toList();
    }

    private static TextSearch query(Random random) {
        return new TextSearch(words(random, 3), Set.of(), Tags.NONE, 10, 0);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            // Zipf-like: small ranks far more often
            int rank = (int) Math.min(4999, Math.floor(Math.pow(5000, random.nextDouble())));
            text.append(i == 0 ? "" : " ").append(word(rank));
        }
        return text.toString();
    }

    private static String word(int rank) {
        String letters = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        int n = rank + 17;
        while (n > 0) {
            word.append(letters.charAt(n % letters.length())).append(vowels.charAt((n / 7) % vowels.length()));
            n /= letters.length();
        }
        return word.toString();
    }

    private static float[] randomUnit(Random random) {
        float[] vector = new float[MODEL.dimensions()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return Embeddings.normalized(vector);
    }

    private static List<Ranked> floatScan(float[] data, List<MemoryId> ids, float[] query, int max) {
        int dimensions = query.length;
        java.util.PriorityQueue<Ranked> best = new java.util.PriorityQueue<>(max + 1,
                (a, b) -> Double.compare(a.score(), b.score()));
        for (int slot = 0; slot < ids.size(); slot++) {
            int offset = slot * dimensions;
            float a = 0;
            float b = 0;
            float c = 0;
            float d = 0;
            for (int i = 0; i < dimensions; i += 4) {
                a += query[i] * data[offset + i];
                b += query[i + 1] * data[offset + i + 1];
                c += query[i + 2] * data[offset + i + 2];
                d += query[i + 3] * data[offset + i + 3];
            }
            float dot = a + b + c + d;
            if (best.size() < max) {
                best.add(new Ranked(ids.get(slot), dot));
            } else if (dot > best.peek().score()) {
                best.poll();
                best.add(new Ranked(ids.get(slot), dot));
            }
        }
        List<Ranked> ranked = new ArrayList<>(best);
        ranked.sort((x, y) -> Double.compare(y.score(), x.score()));
        return ranked;
    }

    private static String uptime() {
        try {
            return "load: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "load: unknown";
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
