package com.lanonasis.gateway.application.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A model change: the old model's vectors are replaced in the background, batch by batch, with progress. */
class SemanticIndexTest {

    private static final EmbeddingModel OLD = new EmbeddingModel("old", 2);
    private static final EmbeddingModel NEW = new EmbeddingModel("new", 2);

    /** Vectors by entry, with their model: what the port promises, in a map. */
    private static final class MapVectors implements MemoryVectors {
        final Map<MemoryId, EmbeddingModel> models = new HashMap<>();
        final Map<MemoryId, UserId> owners = new HashMap<>();
        final List<MemoryId> entries = new ArrayList<>();

        @Override
        public void put(UserId owner, MemoryId id, EmbeddingModel model, float[] vector) {
            models.put(id, model);
        }

        @Override
        public void forget(UserId owner, List<MemoryId> ids) {
            ids.forEach(models::remove);
        }

        @Override
        public List<Ranked> nearest(UserId owner, EmbeddingModel model, float[] query, Set<MemoryType> types,
                                    Tags anyOfTags, int max) {
            return List.of();
        }

        @Override
        public List<Unembedded> unembedded(EmbeddingModel model, int max) {
            return entries.stream().filter(id -> !model.equals(models.get(id))).limit(max)
                    .map(id -> new Unembedded(owners.get(id), id, "text of " + id)).toList();
        }

        @Override
        public Coverage coverage(EmbeddingModel model) {
            long embedded = entries.stream().filter(id -> model.equals(models.get(id))).count();
            return new Coverage(embedded, entries.size() - embedded);
        }
    }

    private static Embeddings model(EmbeddingModel model) {
        return new Embeddings() {
            @Override
            public EmbeddingModel model() {
                return model;
            }

            @Override
            public float[] embed(String text) {
                return new float[] {1, 0};
            }
        };
    }

    @Test
    void aNewModelReEmbedsEverythingInBatchesAndReportsProgress() {
        MapVectors vectors = new MapVectors();
        UserId owner = new UserId(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            MemoryId id = new MemoryId(UUID.randomUUID());
            vectors.entries.add(id);
            vectors.owners.put(id, owner);
            vectors.models.put(id, OLD);
        }
        SemanticIndex index = new SemanticIndex(Optional.of(model(NEW)), vectors, 0.95);

        assertEquals(new com.lanonasis.gateway.application.memory.port.in.SearchStatusUseCase.SearchStatus(true, "new", 2, 0, 5), index.searchStatus());
        assertEquals(2, index.embedPending(2));
        assertEquals(new com.lanonasis.gateway.application.memory.port.in.SearchStatusUseCase.SearchStatus(true, "new", 2, 2, 3), index.searchStatus());
        assertEquals(2, index.embedPending(2));
        assertEquals(1, index.embedPending(2));
        assertEquals(0, index.embedPending(2), "nothing left");
        assertEquals(new com.lanonasis.gateway.application.memory.port.in.SearchStatusUseCase.SearchStatus(true, "new", 2, 5, 0), index.searchStatus());
        assertFalse(vectors.models.containsValue(OLD), "no vector of the old model is left to mix in");
    }

    @Test
    void textOnlyEmbedsNothingAndSaysSo() {
        SemanticIndex index = SemanticIndex.textOnly();
        assertFalse(index.enabled());
        assertEquals(0, index.embedPending(10));
        assertFalse(index.searchStatus().semantic());
    }
}
