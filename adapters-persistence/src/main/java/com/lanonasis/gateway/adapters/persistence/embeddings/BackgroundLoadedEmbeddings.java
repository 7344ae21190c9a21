package com.lanonasis.gateway.adapters.persistence.embeddings;

import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A model loaded on a background thread, so that the service answers before it is ready (the
 * in-process model takes seconds to load). Until then, embedding waits at most {@code wait} for it
 * and then fails like a provider outage ({@link EmbeddingFailure}): a write is stored and embedded
 * later by the background embedder, a search runs on words. {@link #problem()} tells readiness
 * checks whether the model is still loading or could not be loaded.
 */
public final class BackgroundLoadedEmbeddings implements Embeddings {

    private final EmbeddingModel model;
    private final Duration wait;
    private final CompletableFuture<Embeddings> loaded = new CompletableFuture<>();

    /**
     * @param failed told (on the loading thread) when the model cannot be loaded
     */
    public BackgroundLoadedEmbeddings(EmbeddingModel model, Supplier<Embeddings> loader, Duration wait,
                                      Consumer<EmbeddingFailure> failed) {
        this.model = model;
        this.wait = wait;
        Thread thread = new Thread(() -> {
            try {
                loaded.complete(loader.get());
            } catch (EmbeddingFailure failure) {
                loaded.completeExceptionally(failure);
                failed.accept(failure);
            } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
                // an OutOfMemoryError here is the model's own buffers (the heap too small for it): they are
                // garbage once this thread unwinds, and the service must say so instead of "loading" forever
                String why = e instanceof OutOfMemoryError
                        ? "out of memory (" + e.getMessage() + "): give the JVM a larger heap (-Xmx)"
                        : InProcessEmbeddings.rootMessage(e);
                EmbeddingFailure failure = new EmbeddingFailure("the model " + model.id() + " could not be loaded: "
                        + why, e);
                loaded.completeExceptionally(failure);
                failed.accept(failure);
            }
        }, "embedding-model-load");
        thread.setDaemon(true);
        thread.start();
    }

    /** Empty once the model is loaded; otherwise "loading" or why it could not be loaded. */
    @Override
    public Optional<String> problem() {
        if (!loaded.isDone()) {
            return Optional.of("the embedding model " + model.id() + " is loading");
        }
        try {
            loaded.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(unwrap(e).getMessage());
        }
    }

    @Override
    public boolean failed() {
        return loaded.isCompletedExceptionally();
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    @Override
    public float[] embed(String text) {
        return ready().embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return ready().embedAll(texts);
    }

    private Embeddings ready() {
        try {
            return loaded.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EmbeddingFailure("the embedding model " + model.id() + " is still loading");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingFailure("interrupted while the embedding model loads");
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private static EmbeddingFailure unwrap(Throwable e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause instanceof EmbeddingFailure failure ? failure
                : new EmbeddingFailure(String.valueOf(cause.getMessage()), cause);
    }
}
