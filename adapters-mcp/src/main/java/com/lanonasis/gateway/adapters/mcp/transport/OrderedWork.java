package com.lanonasis.gateway.adapters.mcp.transport;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's incoming messages, handled one after another in the order they arrived, on a
 * shared pool instead of the network thread (handling may wait for the database). At most
 * {@code limit} wait; a client that sends faster than its messages can be handled is refused more.
 * One pool thread drains everything that waits, so a busy connection costs one hand-off, not one
 * per message.
 */
final class OrderedWork {

    private static final System.Logger LOG = System.getLogger(OrderedWork.class.getName());

    private final Executor pool;
    private final int limit;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private boolean draining;

    OrderedWork(Executor pool, int limit) {
        this.pool = pool;
        this.limit = limit;
    }

    /** Queues the task after the ones given before it; false when {@code limit} tasks already wait or the pool is closed. */
    boolean offer(Runnable task) {
        synchronized (this) {
            if (waiting.size() >= limit) {
                return false;
            }
            waiting.add(task);
            if (draining) {
                return true;
            }
            draining = true;
        }
        try {
            pool.execute(this::drain);
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                waiting.clear();
                draining = false;
            }
            return false;
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = waiting.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // one message's failure must not stop the connection's later messages
                LOG.log(System.Logger.Level.WARNING, "a queued message failed", e);
            }
        }
    }
}
