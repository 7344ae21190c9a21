package com.lanonasis.gateway.adapters.persistence.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The model loads on another thread: loading, then ready; or failed, told once, and every call refused. */
class BackgroundLoadedEmbeddingsTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("fake", 2);

    /** A model that answers the same unit vector for every text. */
    private static final Embeddings FIXED = new Embeddings() {
        @Override
        public EmbeddingModel model() {
            return MODEL;
        }

        @Override
        public float[] embed(String text) {
            return new float[] {1, 0};
        }
    };

    @Test
    void loadingThenReady() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundLoadedEmbeddings embeddings = new BackgroundLoadedEmbeddings(MODEL, () -> {
            await(release);
            return FIXED;
        }, Duration.ofMillis(50), failure -> { });

        assertEquals(MODEL, embeddings.model(), "known before the model is loaded");
        assertEquals(Optional.of("the embedding model fake is loading"), embeddings.problem());
        assertFalse(embeddings.failed());
        EmbeddingFailure early = assertThrows(EmbeddingFailure.class, () -> embeddings.embed("too soon"));
        assertEquals("the embedding model fake is still loading", early.getMessage());

        release.countDown();
        assertArrayEquals(new float[] {1, 0}, embeddings.embed("now"));
        assertEquals(Optional.empty(), embeddings.problem());
        assertEquals(1, embeddings.embedAll(List.of("a")).size());
    }

    @Test
    void aCallWaitsForAModelThatLoadsWithinTheWait() {
        BackgroundLoadedEmbeddings embeddings = new BackgroundLoadedEmbeddings(MODEL, () -> {
            sleep(200);
            return FIXED;
        }, Duration.ofSeconds(30), failure -> { });

        assertArrayEquals(new float[] {1, 0}, embeddings.embed("waits"));
    }

    @Test
    void aModelThatRunsOutOfHeapIsAFailureNotAnEndlessLoad() throws Exception {
        failsToLoad(new OutOfMemoryError("Java heap space"), "the model fake could not be loaded: out of memory (Java"
                + " heap space): give the JVM a larger heap (-Xmx)");
    }

    @Test
    void aFailureIsToldOnceAndRefusesEveryCall() throws Exception {
        BackgroundLoadedEmbeddings embeddings = failsToLoad(new UnsatisfiedLinkError("no onnxruntime in java.library.path"),
                "the model fake could not be loaded: no onnxruntime in java.library.path");
        assertEquals(embeddings.problem().orElseThrow(),
                assertThrows(EmbeddingFailure.class, () -> embeddings.embed("x")).getMessage());
    }

    /** A model whose loading throws {@code error}: told once with {@code message}, failed, and says so. */
    private static BackgroundLoadedEmbeddings failsToLoad(Error error, String message) throws Exception {
        CompletableFuture<EmbeddingFailure> told = new CompletableFuture<>();
        BackgroundLoadedEmbeddings embeddings = new BackgroundLoadedEmbeddings(MODEL, () -> {
            throw error;
        }, Duration.ofSeconds(5), told::complete);

        EmbeddingFailure failure = told.get(5, TimeUnit.SECONDS);
        assertEquals(message, failure.getMessage());
        assertTrue(embeddings.failed());
        assertEquals(Optional.of(failure.getMessage()), embeddings.problem());
        return embeddings;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
