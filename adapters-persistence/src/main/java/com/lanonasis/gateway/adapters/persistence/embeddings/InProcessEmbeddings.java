package com.lanonasis.gateway.adapters.persistence.embeddings;

import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (int8 ONNX, 384 dimensions) run in this process: the model ships inside a
 * Maven artifact, so nothing is fetched at run time and no key is needed. Loaded once per JVM
 * (it takes about a second and some 100 MB); every store and test in the JVM shares it.
 */
public final class InProcessEmbeddings implements Embeddings {

    public static final EmbeddingModel MODEL = new EmbeddingModel("all-minilm-l6-v2-q", 384);

    private static volatile InProcessEmbeddings shared;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    private InProcessEmbeddings(AllMiniLmL6V2QuantizedEmbeddingModel model) {
        this.model = model;
    }

    /**
     * The model, loaded on first use.
     *
     * @throws EmbeddingFailure when it cannot be loaded (native library or model file missing)
     */
    public static InProcessEmbeddings shared() {
        InProcessEmbeddings loaded = shared;
        if (loaded == null) {
            synchronized (InProcessEmbeddings.class) {
                loaded = shared;
                if (loaded == null) {
                    try {
                        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                        model.embed("warm up");
                        loaded = new InProcessEmbeddings(model);
                    } catch (RuntimeException | LinkageError e) {
                        throw new EmbeddingFailure("the in-process model " + MODEL.id() + " could not be loaded: "
                                + rootMessage(e), e);
                    }
                    shared = loaded;
                }
            }
        }
        return loaded;
    }

    @Override
    public EmbeddingModel model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        return Embeddings.normalized(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(embedding -> Embeddings.normalized(embedding.vector())).toList();
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
