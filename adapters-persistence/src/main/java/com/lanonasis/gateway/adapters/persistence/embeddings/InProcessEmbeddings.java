package com.lanonasis.gateway.adapters.persistence.embeddings;

import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (int8 ONNX, 384 dimensions) run in this process: the model ships inside a
 * Maven artifact, so nothing is fetched at run time and no key is needed. Loaded once per JVM
 * (it takes about a second); every store and test in the JVM shares it.
 *
 * <p>The model file, tokenizer and encoder are langchain4j's ({@link AllMiniLmL6V2QuantizedEmbeddingModel}'s
 * artifact), but the ONNX session is opened here with options that keep its native memory small
 * (docs/performance.md, "Memory"): no CPU memory arena and no memory-pattern planning (both keep the
 * largest buffers ever needed for the life of the process), and one intra-op thread per run (runs of a
 * batch already go in parallel, one per core). The vectors are the same ({@code InProcessEmbeddingsTest}).
 */
public final class InProcessEmbeddings implements Embeddings {

    public static final EmbeddingModel MODEL = new EmbeddingModel("all-minilm-l6-v2-q", 384);

    private static volatile InProcessEmbeddings shared;

    private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private final AbstractInProcessEmbeddingModel model;

    private InProcessEmbeddings(AbstractInProcessEmbeddingModel model) {
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
                        AbstractInProcessEmbeddingModel model = new Lean(leanEncoder());
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

    /** all-MiniLM-L6-v2 (int8) from langchain4j's artifact in an ONNX session with lean memory options. */
    static OnnxBertBiEncoder leanEncoder() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = resource(TOKENIZER_FILE)) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            options.setIntraOpNumThreads(1);
            // the model goes to the runtime through a temporary file, not a byte[]: read whole into the Java heap it
            // was a 23 MB allocation (more while the array grew) in a heap the README bounds to 96 MB
            Path onnx = Files.createTempFile("onasis-model-", ".onnx");
            try {
                try (InputStream file = resource(MODEL_FILE)) {
                    Files.copy(file, onnx, StandardCopyOption.REPLACE_EXISTING);
                }
                OrtSession session = environment.createSession(onnx.toString(), options);
                return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            } finally {
                Files.deleteIfExists(onnx);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        return stream;
    }

    /** langchain4j's embedding model (batching, pooling, normalising) over the encoder given. */
    private static final class Lean extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Lean(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return MODEL.dimensions();
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
