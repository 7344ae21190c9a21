package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.application.memory.SemanticIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that embeds entries lacking a vector of the current model, in batches, and
 * rests while there are none. Progress shows in {@code /api/v1/status} ({@code search.pending}).
 */
final class BackgroundEmbedding implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundEmbedding.class);
    private static final int BATCH = 64;
    private static final long IDLE_MILLIS = 5_000;

    private final Thread worker;
    private volatile boolean running = true;

    BackgroundEmbedding(SemanticIndex semantic) {
        worker = new Thread(() -> {
            while (running) {
                int done;
                try {
                    done = semantic.embedPending(BATCH);
                } catch (RuntimeException e) {
                    LOG.warn("background embedding paused: {}", e.getMessage());
                    done = 0;
                }
                if (done == 0) {
                    try {
                        Thread.sleep(IDLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "memory-embedding");
        worker.setDaemon(true);
        if (semantic.enabled()) {
            worker.start();
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
