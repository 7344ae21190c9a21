package com.lanonasis.gateway.domain.memory.port.out;

import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.Ranked;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;
import java.util.Set;

/**
 * Outgoing port: one vector per memory entry, with the model that made it. A search compares
 * only vectors of the model it is given, so vectors of two models never mix. Implementations
 * may scan (brute force over one owner's vectors) or use a vector index (pgvector) behind the
 * same contract.
 */
public interface MemoryVectors {

    /** Stores (or replaces) the entry's vector; the vector has unit length and the model's dimensions. */
    void put(UserId owner, MemoryId id, EmbeddingModel model, float[] vector);

    /** Drops what is kept for these entries (their rows go with the entries; caches must follow). */
    void forget(UserId owner, List<MemoryId> ids);

    /**
     * The owner's entries of this model nearest to the query, best first, with their cosine
     * similarity as score; only entries that pass the search's type and tag filters.
     */
    List<Ranked> nearest(UserId owner, EmbeddingModel model, float[] query, Set<MemoryType> types, Tags anyOfTags,
                        int max);

    /** Entries of any owner that have no vector of this model yet (oldest first), for background embedding. */
    List<Unembedded> unembedded(EmbeddingModel model, int max);

    /** How many entries have a vector of this model, and how many have none. */
    Coverage coverage(EmbeddingModel model);

    /** An entry waiting for its vector. */
    record Unembedded(UserId owner, MemoryId id, String text) {
    }

    record Coverage(long embedded, long missing) {
    }
}
