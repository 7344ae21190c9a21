package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.embeddings.BackgroundLoadedEmbeddings;
import com.lanonasis.gateway.adapters.persistence.embeddings.InProcessEmbeddings;
import com.lanonasis.gateway.adapters.persistence.embeddings.OpenAiCompatibleEmbeddings;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcMemoryVectors;
import com.lanonasis.gateway.application.memory.SemanticIndex;
import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Memory search: the embedding model as configured, the vector store, and the background embedder. */
@Factory
final class SearchFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SearchFactory.class);

    /** Heap a cached 384-dimension vector takes (its floats, its id, its share of the arrays). */
    private static final long BYTES_PER_VECTOR = 1_750;

    @Singleton
    JdbcMemoryVectors vectors(Storage storage, SearchProperties settings) {
        return new JdbcMemoryVectors(storage.memory(), storage.memoryTenancy(),
                vectorBudget(settings.cacheVectors(), Runtime.getRuntime().maxMemory()), settings.cacheRevalidate());
    }

    /**
     * {@code auto}: as many vectors as fit in a third of the maximum heap, so that the default budget
     * follows {@code -Xmx} (about 25 000 with the README's 128 MB, 200 000 with 1 GB) instead of
     * outgrowing it; otherwise the number given.
     */
    static long vectorBudget(String setting, long maxHeapBytes) {
        if (setting.isBlank() || setting.strip().equalsIgnoreCase("auto")) {
            return Math.max(1_000, maxHeapBytes / 3 / BYTES_PER_VECTOR);
        }
        try {
            long budget = Long.parseLong(setting.strip());
            if (budget < 0) {
                throw new NumberFormatException();
            }
            return budget;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ONASIS_SEARCH_CACHE_VECTORS must be auto or a number of vectors"
                    + " (0 or more), not " + setting);
        }
    }

    /**
     * Eager: a model that cannot load stops the start-up with one line (or, with
     * {@code ONASIS_SEARCH_DEGRADE=text}, the service starts with text search only and
     * {@code /health/full} says so). The in-process model loads in the background by default
     * ({@code ONASIS_SEARCH_MODEL_LOADING=background}): the service answers at once, embedding waits
     * up to {@code ONASIS_SEARCH_MODEL_WAIT} for the model, {@code /health/full} shows it loading;
     * a failure to load then ends the process with the same one line (exit code 1) unless
     * degrading to text is configured. The background load begins once the server answers (at most
     * {@link Serving#MAX_WAIT_SECONDS} later without a server), so that it does not take the cores
     * the start-up needs (docs/performance.md, "Start-up").
     */
    @Context
    SemanticIndex semanticIndex(JdbcMemoryVectors vectors, SearchProperties settings, Serving serving) {
        String mode = settings.degrade();
        String load = settings.modelLoading();
        Duration wait = settings.modelWait();
        SearchProperties.OpenAi openai = settings.openai();
        Embeddings embeddings;
        try {
            embeddings = switch (settings.embeddings()) {
                case "in-process" -> load.equals("startup") ? InProcessEmbeddings.shared()
                        : new BackgroundLoadedEmbeddings(InProcessEmbeddings.MODEL, () -> {
                            serving.await();
                            return InProcessEmbeddings.shared();
                        }, wait,
                                failure -> loadFailed(failure, mode));
                case "openai" -> openAi(openai.baseUrl(), openai.key(), openai.model(), openai.dimensions(),
                        openai.sendDimensions(), openai.timeout());
                case "none" -> null;
                default -> throw new IllegalStateException("checked by SearchProperties: " + settings.embeddings());
            };
        } catch (EmbeddingFailure failure) {
            if (mode.equals("fail")) {
                throw new IllegalArgumentException("ONASIS_SEARCH_EMBEDDINGS: " + failure.getMessage()
                        + " (set ONASIS_SEARCH_DEGRADE=text to start with text search only)", failure);
            }
            LOG.warn("memory search runs text-only: {}", failure.getMessage());
            embeddings = null;
        }
        if (embeddings != null) {
            LOG.info("memory search: hybrid, embeddings by {}", embeddings.model());
        }
        return new SemanticIndex(Optional.ofNullable(embeddings), vectors, settings.duplicateSimilarity());
    }

    /** Opens once the HTTP server answers: what waits for it does not compete with the start-up. */
    @Singleton
    static final class Serving {

        static final long MAX_WAIT_SECONDS = 10;

        private final CountDownLatch started = new CountDownLatch(1);

        @EventListener
        void serverStarted(ServerStartupEvent event) {
            started.countDown();
        }

        /** Waits until the server answers, at most {@link #MAX_WAIT_SECONDS} (a context without a server). */
        void await() {
            try {
                started.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The background load failed: the same one line as at start-up, and the end of the process, unless degrading. */
    private static void loadFailed(EmbeddingFailure failure, String mode) {
        if (mode.equals("fail")) {
            System.err.println("onasis-gateway cannot start: ONASIS_SEARCH_EMBEDDINGS: " + failure.getMessage()
                    + " (set ONASIS_SEARCH_DEGRADE=text to start with text search only)");
            System.exit(1);
        }
        LOG.warn("memory search runs text-only: {}", failure.getMessage());
    }

    private static Embeddings openAi(String baseUrl, String key, String model, int dimensions, boolean sendDimensions,
                                     Duration timeout) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("ONASIS_SEARCH_OPENAI_BASE_URL is required for ONASIS_SEARCH_EMBEDDINGS=openai");
        }
        URI base;
        try {
            base = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ONASIS_SEARCH_OPENAI_BASE_URL is not a URL");
        }
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("ONASIS_SEARCH_OPENAI_BASE_URL must be an http(s) URL");
        }
        EmbeddingModel embeddingModel;
        try {
            embeddingModel = new EmbeddingModel(model == null || model.isBlank() ? "text-embedding-3-small" : model.strip(),
                    dimensions);
        } catch (InvalidValue invalid) {
            throw new IllegalArgumentException("ONASIS_SEARCH_OPENAI_" + invalid.field().toUpperCase(Locale.ROOT)
                    + ": " + invalid.getMessage());
        }
        OpenAiCompatibleEmbeddings provider = new OpenAiCompatibleEmbeddings(base,
                key == null || key.isBlank() ? null : key, embeddingModel, sendDimensions, timeout);
        provider.embed("ready?"); // a wrong URL, key or model shows at start, not at the first write
        return provider;
    }

    /** Embeds, in the background, entries without a vector of the current model (a new model, a failed write). */
    @Context
    @Bean(preDestroy = "close")
    BackgroundEmbedding backgroundEmbedding(SemanticIndex semantic) {
        return new BackgroundEmbedding(semantic);
    }
}
