package com.lanonasis.gateway.domain.memory;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * Which model made a vector, and how long its vectors are. Stored with every vector: vectors of
 * two models are never compared with each other.
 */
public record EmbeddingModel(String id, int dimensions) {

    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_DIMENSIONS = 8192;

    public EmbeddingModel {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidValue("model", "model id must be 1.." + MAX_ID_LENGTH + " characters");
        }
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new InvalidValue("dimensions", "dimensions must be 1.." + MAX_DIMENSIONS);
        }
    }

    @Override
    public String toString() {
        return id + "/" + dimensions;
    }
}
