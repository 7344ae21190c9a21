package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One unit vector per entry and model, beside {@link InMemoryMemories}: a vector is only kept for an
 * entry that exists, and disappears from every answer with its entry. Nearest is brute force by cosine.
 */
public final class InMemoryMemoryVectors implements MemoryVectors {

    private record Key(MemoryId id, EmbeddingModel model) {
    }

    private final InMemoryDatabase database;
    private final InMemoryMemories memories;
    private final InMemoryDatabase.Table<Key, float[]> vectors;

    public InMemoryMemoryVectors(InMemoryDatabase database, InMemoryMemories memories) {
        this.database = database;
        this.memories = memories;
        this.vectors = database.table();
    }

    @Override
    public void put(UserId owner, MemoryId id, EmbeddingModel model, float[] vector) {
        database.locked(() -> {
            if (memories.find(owner, id).isPresent()) {
                vectors.put(new Key(id, model), Embeddings.normalized(vector));
            }
        });
    }

    @Override
    public void forget(UserId owner, List<MemoryId> ids) {
        database.locked(() -> vectors.entries().stream().map(Map.Entry::getKey)
                .filter(key -> ids.contains(key.id())).forEach(vectors::remove));
    }

    @Override
    public List<Ranked> nearest(UserId owner, EmbeddingModel model, float[] query, Set<MemoryType> types,
                                Tags anyOfTags, int max) {
        float[] unit = Embeddings.normalized(query);
        return database.locked(() -> memories.all().stream()
                .filter(entry -> entry.owner().equals(owner))
                .filter(entry -> types.isEmpty() || types.contains(entry.type()))
                .filter(InMemoryMemories.tagged(anyOfTags))
                .flatMap(entry -> vectors.get(new Key(entry.id(), model))
                        .map(vector -> new Ranked(entry.id(), Embeddings.cosine(unit, vector))).stream())
                .sorted(Comparator.comparingDouble(Ranked::score).reversed()
                        .thenComparing(ranked -> ranked.id().value()))
                .limit(max).toList());
    }

    @Override
    public List<Unembedded> unembedded(EmbeddingModel model, int max) {
        return database.locked(() -> memories.all().stream()
                .filter(entry -> vectors.get(new Key(entry.id(), model)).isEmpty())
                .limit(max)
                .map(entry -> new Unembedded(entry.owner(), entry.id(), Embeddings.textOf(entry.title(),
                        entry.content())))
                .toList());
    }

    @Override
    public Coverage coverage(EmbeddingModel model) {
        return database.locked(() -> {
            List<MemoryEntry> all = memories.all();
            long embedded = all.stream().filter(entry -> vectors.get(new Key(entry.id(), model)).isPresent()).count();
            return new Coverage(embedded, all.size() - embedded);
        });
    }
}
