package com.lanonasis.gateway.adapters.persistence.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
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

    /**
     * The lean ONNX session (no arena, no memory patterns, one intra-op thread) gives the vectors
     * langchain4j's own model class gives, to 1e-5 in every dimension, for single texts and batches
     * of short, long (past the 510-token window: split and averaged) and non-ASCII texts.
     */
    @Test
    void theLeanSessionGivesLangchain4jsVectors() {
        List<String> texts = List.of("how do we ship releases?", "Lunch: soup on Mondays",
                "Zürich – 東京: naïve café résumé 🚀", "deploy ".repeat(700),
                "The quick brown fox jumps over the lazy dog. ".repeat(40));
        InProcessEmbeddings lean = InProcessEmbeddings.shared();
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();

        List<float[]> batch = lean.embedAll(texts);
        List<float[]> expected = reference.embedAll(texts.stream().map(TextSegment::from).toList()).content()
                .stream().map(embedding -> Embeddings.normalized(embedding.vector())).toList();
        for (int i = 0; i < texts.size(); i++) {
            float[] single = lean.embed(texts.get(i));
            assertEquals(384, expected.get(i).length);
            for (int d = 0; d < 384; d++) {
                assertEquals(expected.get(i)[d], batch.get(i)[d], 1e-5, "text " + i + ", dimension " + d + " (batch)");
                assertEquals(expected.get(i)[d], single[d], 1e-5, "text " + i + ", dimension " + d + " (single)");
            }
        }
    }
}
