package com.lanonasis.gateway.application.memory;

import com.lanonasis.gateway.application.memory.port.in.SearchStatusUseCase;
import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors.Coverage;
import com.lanonasis.gateway.domain.memory.port.out.MemoryVectors.Unembedded;
import java.util.List;
import java.util.Optional;

/**
 * The semantic side of memory search: the model (absent when search runs text-only), the vector
 * store, and the similarity from which a new entry is reported as a possible duplicate. Also
 * embeds, in the background, entries that have no vector of the current model yet (after a model
 * change, or when an embedding failed at write time).
 */
public final class SemanticIndex implements SearchStatusUseCase {

    public static final double DEFAULT_DUPLICATE_SIMILARITY = 0.95;

    private final Embeddings embeddings;
    private final MemoryVectors vectors;
    private final double duplicateSimilarity;

    public SemanticIndex(Optional<Embeddings> embeddings, MemoryVectors vectors, double duplicateSimilarity) {
        this.embeddings = embeddings.orElse(null);
        this.vectors = vectors;
        if (!(duplicateSimilarity > 0 && duplicateSimilarity <= 1)) {
            throw new IllegalArgumentException("duplicate similarity must be in (0, 1]");
        }
        this.duplicateSimilarity = duplicateSimilarity;
    }

    /** Search by words only: no model, no vectors. */
    public static SemanticIndex textOnly() {
        return new SemanticIndex(Optional.empty(), null, DEFAULT_DUPLICATE_SIMILARITY);
    }

    /** A model is configured and has not failed to load (it may still be loading). */
    public boolean enabled() {
        return embeddings != null && !embeddings.failed();
    }

    /** Empty when search by meaning works now; otherwise why not (text only, the model loading or failed). */
    public Optional<String> problem() {
        return embeddings == null ? Optional.of("no embedding model: search runs on text only") : embeddings.problem();
    }

    Embeddings embeddings() {
        return embeddings;
    }

    MemoryVectors vectors() {
        return vectors;
    }

    EmbeddingModel model() {
        return embeddings.model();
    }

    double duplicateSimilarity() {
        return duplicateSimilarity;
    }

    /**
     * Embeds up to {@code batch} entries that have no vector of the current model; the number
     * embedded (0 when there is nothing left, or when search is text-only).
     */
    public int embedPending(int batch) {
        if (!enabled()) {
            return 0;
        }
        List<Unembedded> pending = vectors.unembedded(embeddings.model(), batch);
        if (pending.isEmpty()) {
            return 0;
        }
        List<float[]> made = embeddings.embedAll(pending.stream().map(Unembedded::text).toList());
        for (int i = 0; i < pending.size(); i++) {
            Unembedded entry = pending.get(i);
            vectors.put(entry.owner(), entry.id(), embeddings.model(), made.get(i));
        }
        return pending.size();
    }

    @Override
    public SearchStatus searchStatus() {
        if (!enabled()) {
            return new SearchStatus(false, null, 0, 0, 0);
        }
        Coverage coverage = vectors.coverage(embeddings.model());
        return new SearchStatus(true, embeddings.model().id(), embeddings.model().dimensions(), coverage.embedded(),
                coverage.missing());
    }

    /** A vector for the text, or empty when the model failed now (the entry is embedded later). */
    Optional<float[]> tryEmbed(String text) {
        try {
            return Optional.of(embeddings.embed(text));
        } catch (EmbeddingFailure e) {
            return Optional.empty();
        }
    }
}
