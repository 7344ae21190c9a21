package com.lanonasis.gateway.adapters.persistence.jdbc;

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
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Search quality on Cranfield straight on the stores (H2: the Lucene leg and the int8 vector cache as
 * shipped), to compare embedding models and fusions side by side in one run: the text leg; per model,
 * the semantic leg with exact float cosines and through the store's vector cache; hybrid by reciprocal rank
 * fusion (k = 60) and by an even convex combination of max-normalised scores. No tuning: every setting
 * is a stated default, chosen before the run. The HTTP figures come from CranfieldEvaluation
 * (bootstrap). Not in the suite; run with {@code ./mvnw -o -B -pl adapters-persistence -am
 * -Dtest=CranfieldModels -Dsurefire.failIfNoSpecifiedTests=false test} and the collection in
 * {@code CRANFIELD_DIR} (default /work/shared/data/cranfield). Models: {@code CRANFIELD_MODELS}
 * (default minilm,e5).
 */
class CranfieldModels {

    private static final int K = 10;
    private static final int CANDIDATES = 100;

    @Test
    void report() throws IOException {
        Path dir = Path.of(System.getenv().getOrDefault("CRANFIELD_DIR", "/work/shared/data/cranfield"));
        Assumptions.assumeTrue(Files.isReadable(dir.resolve("cran.all.1400")), "no Cranfield collection at " + dir);
        List<String[]> documents = documents(dir.resolve("cran.all.1400"));
        List<String> queries = queries(dir.resolve("cran.qry"));
        Map<Integer, Map<String, Integer>> judged = judgements(dir.resolve("cranqrel"));

        JdbcDatabase database = new JdbcDatabase(H2.fresh());
        JdbcMemories memories = new JdbcMemories(database);
        UserId owner = new UserId(UUID.randomUUID());
        Map<MemoryId, String> docOf = new HashMap<>();
        List<MemoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String[] document = documents.get(i);
            MemoryEntry entry = MemoryEntry.create(new MemoryId(UUID.randomUUID()), owner, new Title(document[1]),
                    new Content(document[2]), MemoryType.CONTEXT, Tags.NONE, new Metadata(Map.of()),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
            memories.add(entry);
            entries.add(entry);
            docOf.put(entry.id(), document[0]);
        }
        List<List<Ranked>> byText = new ArrayList<>();
        for (String query : queries) {
            byText.add(memories.rankedByText(owner, new TextSearch(query, Set.of(), Tags.NONE, K, 0), CANDIDATES));
        }
        System.out.println("| run | hit@10 | recall@10 | MRR@10 | nDCG@10 |");
        System.out.println("|---|---|---|---|---|");
        print("text (BM25)", byText, docOf, judged);
        List<List<Ranked>> byWords = new ArrayList<>();
        for (String query : queries) {
            byWords.add(wordMatch(entries, new TextSearch(query, Set.of(), Tags.NONE, K, 0)));
        }
        print("word match (the search issue 15 replaced)", byWords, docOf, judged);

        for (String name : System.getenv().getOrDefault("CRANFIELD_MODELS", "minilm,e5").split(",")) {
            AbstractInProcessEmbeddingModel model = switch (name) {
                case "e5" -> new E5SmallV2QuantizedEmbeddingModel();
                case "bge" -> new BgeSmallEnV15QuantizedEmbeddingModel();
                default -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            };
            // each model's documented usage: e5 prefixes both sides; bge-small-en-v1.5 prefixes short
            // retrieval queries with its instruction and leaves passages bare; MiniLM takes text as is
            String passage = name.equals("e5") ? "passage: " : "";
            String asked = switch (name) {
                case "e5" -> "query: ";
                case "bge" -> "Represent this sentence for searching relevant passages: ";
                default -> "";
            };
            EmbeddingModel id = new EmbeddingModel("cranfield-" + name, 384);
            long t0 = System.nanoTime();
            List<float[]> docVectors = embed(model, entries.stream()
                    .map(e -> passage + Embeddings.textOf(e.title(), e.content())).toList());
            double docMs = (System.nanoTime() - t0) / 1e6 / entries.size();
            t0 = System.nanoTime();
            List<float[]> queryVectors = embed(model, queries.stream().map(q -> asked + q).toList());
            double queryMs = (System.nanoTime() - t0) / 1e6 / queries.size();
            System.out.printf(Locale.ROOT, "%s: %.1f ms per document, %.1f ms per query (batched, 2 cores)%n", name,
                    docMs, queryMs);
            JdbcMemoryVectors cache = new JdbcMemoryVectors(database, Tenancy.BY_QUERY, 1_000_000,
                    java.time.Duration.ofSeconds(60));
            for (int i = 0; i < entries.size(); i++) {
                cache.put(owner, entries.get(i).id(), id, docVectors.get(i));
            }
            List<List<Ranked>> exact = new ArrayList<>();
            List<List<Ranked>> quantised = new ArrayList<>();
            for (float[] query : queryVectors) {
                exact.add(exactNearest(query, entries, docVectors));
                quantised.add(cache.nearest(owner, id, query, Set.of(), Tags.NONE, CANDIDATES));
            }
            print(name + " semantic, float", exact, docOf, judged);
            print(name + " semantic, through the cache", quantised, docOf, judged);
            List<List<Ranked>> rrf = new ArrayList<>();
            List<List<Ranked>> convex = new ArrayList<>();
            for (int q = 0; q < queries.size(); q++) {
                rrf.add(rrf(byText.get(q), quantised.get(q)));
                convex.add(convex(byText.get(q), quantised.get(q)));
            }
            print(name + " hybrid RRF k=60", rrf, docOf, judged);
            print(name + " hybrid convex 0.5", convex, docOf, judged);
        }
    }

    /**
     * The memory search before issue 15, reimplemented here for comparison only (from git history:
     * JdbcMemories.matching and Relevance at 882cc7a^): the 1 000 most recently updated entries holding
     * any of the query's words as a substring of the lower-cased title, content or tags, scored by
     * Relevance (0.35 per word in the title, 0.2 in a tag, 0.15 in the content, averaged over the words,
     * + 0.3 when the whole query is in the title, at most 1), score 0 dropped, ties to the most recent.
     */
    static List<Ranked> wordMatch(List<MemoryEntry> entries, TextSearch search) {
        List<String> terms = search.terms();
        String phrase = search.query().toLowerCase(Locale.ROOT).strip();
        List<MemoryEntry> candidates = entries.stream()
                .filter(entry -> terms.stream().anyMatch(term -> lower(entry.title().value()).contains(term)
                        || lower(entry.content().value()).contains(term)
                        || lower(entry.tags().values().toString()).contains(term)))
                .sorted(java.util.Comparator.comparing(MemoryEntry::updatedAt).reversed())
                .limit(1000)
                .toList();
        List<MemoryEntry> scored = new ArrayList<>();
        Map<MemoryEntry, Double> relevance = new HashMap<>();
        for (MemoryEntry entry : candidates) {
            String title = lower(entry.title().value());
            String content = lower(entry.content().value());
            List<String> tags = entry.tags().values().stream().map(CranfieldModels::lower).toList();
            double perTerm = 0;
            for (String term : terms) {
                perTerm += title.contains(term) ? 0.35 : 0;
                perTerm += tags.stream().anyMatch(tag -> tag.contains(term)) ? 0.2 : 0;
                perTerm += content.contains(term) ? 0.15 : 0;
            }
            double score = perTerm / terms.size() + (title.contains(phrase) ? 0.3 : 0);
            score = Math.min(1.0, Math.round(score * 1000) / 1000.0);
            if (score > 0) {
                relevance.put(entry, score);
                scored.add(entry);
            }
        }
        scored.sort(java.util.Comparator.<MemoryEntry>comparingDouble(relevance::get).reversed()
                .thenComparing(MemoryEntry::updatedAt, java.util.Comparator.reverseOrder()));
        return scored.stream().limit(CANDIDATES).map(entry -> new Ranked(entry.id(), relevance.get(entry))).toList();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static List<float[]> embed(AbstractInProcessEmbeddingModel model, List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 32) {
            model.embedAll(texts.subList(from, Math.min(texts.size(), from + 32)).stream().map(TextSegment::from)
                    .toList()).content().forEach(e -> vectors.add(Embeddings.normalized(e.vector())));
        }
        return vectors;
    }

    private static List<Ranked> exactNearest(float[] query, List<MemoryEntry> entries, List<float[]> vectors) {
        List<Ranked> all = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            all.add(new Ranked(entries.get(i).id(), Embeddings.cosine(query, vectors.get(i))));
        }
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        return all.subList(0, CANDIDATES);
    }

    static List<Ranked> rrf(List<Ranked> text, List<Ranked> meaning) {
        Map<MemoryId, Double> scores = new LinkedHashMap<>();
        for (List<Ranked> leg : List.of(text, meaning)) {
            for (int rank = 0; rank < leg.size(); rank++) {
                scores.merge(leg.get(rank).id(), 1.0 / (60 + rank + 1), Double::sum);
            }
        }
        return sorted(scores);
    }

    /** Each leg's scores divided by its best (BM25 and cosine on 0..1), averaged; absent from a leg = 0. */
    static List<Ranked> convex(List<Ranked> text, List<Ranked> meaning) {
        Map<MemoryId, Double> scores = new LinkedHashMap<>();
        for (List<Ranked> leg : List.of(text, meaning)) {
            if (leg.isEmpty()) {
                continue;
            }
            double best = leg.get(0).score();
            for (Ranked hit : leg) {
                scores.merge(hit.id(), 0.5 * (best > 0 ? hit.score() / best : 0), Double::sum);
            }
        }
        return sorted(scores);
    }

    private static List<Ranked> sorted(Map<MemoryId, Double> scores) {
        return scores.entrySet().stream().sorted(Map.Entry.<MemoryId, Double>comparingByValue().reversed())
                .map(e -> new Ranked(e.getKey(), e.getValue())).toList();
    }

    private static void print(String run, List<List<Ranked>> results, Map<MemoryId, String> docOf,
                              Map<Integer, Map<String, Integer>> judged) {
        double hits = 0;
        double recall = 0;
        double reciprocal = 0;
        double ndcg = 0;
        int counted = 0;
        for (int q = 0; q < results.size(); q++) {
            Map<String, Integer> relevant = judged.getOrDefault(q + 1, Map.of());
            if (relevant.isEmpty()) {
                continue;
            }
            counted++;
            List<String> ranked = results.get(q).stream().limit(K).map(hit -> docOf.get(hit.id())).toList();
            int found = 0;
            double dcg = 0;
            for (int rank = 0; rank < ranked.size(); rank++) {
                Integer grade = relevant.get(ranked.get(rank));
                if (grade != null) {
                    if (found == 0) {
                        reciprocal += 1.0 / (rank + 1);
                    }
                    found++;
                    dcg += (4 - grade) / log2(rank + 2);
                }
            }
            hits += found > 0 ? 1 : 0;
            recall += (double) found / relevant.size();
            List<Integer> ideal = relevant.values().stream().map(grade -> 4 - grade).sorted((a, b) -> b - a).toList();
            double idcg = 0;
            for (int rank = 0; rank < Math.min(K, ideal.size()); rank++) {
                idcg += ideal.get(rank) / log2(rank + 2);
            }
            ndcg += dcg / idcg;
        }
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", run, hits / counted, recall / counted,
                reciprocal / counted, ndcg / counted);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static List<String[]> documents(Path file) throws IOException {
        List<String[]> documents = new ArrayList<>();
        for (Map<String, String> record : records(file)) {
            String title = record.getOrDefault("T", "").strip().replaceAll("\\s+", " ");
            if (title.isEmpty()) {
                title = "document " + record.get("I");
            }
            String text = record.getOrDefault("W", "").strip();
            documents.add(new String[] {record.get("I"), title.length() > 200 ? title.substring(0, 200) : title,
                    text.isEmpty() ? title : text});
        }
        return documents;
    }

    private static List<String> queries(Path file) throws IOException {
        return records(file).stream().map(record -> record.get("W").strip().replaceAll("\\s+", " ")).toList();
    }

    private static Map<Integer, Map<String, Integer>> judgements(Path file) throws IOException {
        Map<Integer, Map<String, Integer>> judged = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 3) {
                continue;
            }
            int grade = Integer.parseInt(parts[2]);
            if (grade >= 1 && grade <= 3) {
                judged.computeIfAbsent(Integer.parseInt(parts[0]), q -> new HashMap<>()).put(parts[1], grade);
            }
        }
        return judged;
    }

    private static List<Map<String, String>> records(Path file) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, String> record = null;
        String field = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith(".")) {
                if (record != null && field != null) {
                    record.put(field, text.toString());
                }
                text.setLength(0);
                String marker = line.length() > 1 ? line.substring(1, 2) : "";
                if (marker.equals("I")) {
                    record = new LinkedHashMap<>();
                    record.put("I", String.valueOf(Integer.parseInt(line.substring(2).strip())));
                    records.add(record);
                    field = null;
                } else {
                    field = marker;
                }
            } else {
                text.append(line).append('\n');
            }
        }
        if (record != null && field != null) {
            record.put(field, text.toString());
        }
        return records;
    }
}
