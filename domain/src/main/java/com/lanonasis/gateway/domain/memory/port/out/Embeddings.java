package com.lanonasis.gateway.domain.memory.port.out;

import com.lanonasis.gateway.domain.memory.Content;
import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.Title;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: turns text into a vector of meaning. Vectors come back with unit length, so
 * that their dot product is their cosine similarity.
 */
public interface Embeddings {

    EmbeddingModel model();

    /** @throws EmbeddingFailure when the model or provider cannot embed now */
    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /** Empty when the model embeds now; otherwise why not (still loading, or it could not be loaded). */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /** True once the model is known never to embed in this process (it could not be loaded). */
    default boolean failed() {
        return false;
    }

    /** The text of an entry that its vector stands for. */
    static String textOf(Title title, Content content) {
        return title.value() + "\n\n" + content.value();
    }

    /** Scales a vector to unit length (the zero vector stays as it is). */
    static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum == 0) {
            return vector.clone();
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    static double cosine(float[] unitA, float[] unitB) {
        double dot = 0;
        for (int i = 0; i < unitA.length; i++) {
            dot += unitA[i] * unitB[i];
        }
        return dot;
    }
}
