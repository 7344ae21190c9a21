package com.lanonasis.gateway.adapters.persistence.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process model: offline, 384 unit-length dimensions, and closer for closer meaning. */
class InProcessEmbeddingsTest {

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() {
        InProcessEmbeddings model = InProcessEmbeddings.shared();
        assertSame(model, InProcessEmbeddings.shared(), "loaded once per JVM");

        float[] question = model.embed("how do we ship releases?");
        List<float[]> candidates = model.embedAll(List.of("Deploy notes: we deploy blue-green",
                "Lunch: soup on Mondays"));

        assertEquals(384, question.length);
        assertEquals(1.0, Embeddings.cosine(question, question), 1e-4, "unit length");
        assertTrue(Embeddings.cosine(question, candidates.get(0)) > Embeddings.cosine(question, candidates.get(1)));
    }
}
