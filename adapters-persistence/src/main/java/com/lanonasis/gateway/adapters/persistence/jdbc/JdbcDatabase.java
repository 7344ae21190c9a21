package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One database: hands its stores a connection, the transaction's own when one is open on this
 * thread, and implements {@link UnitOfWork} for the use cases.
 */
public final class JdbcDatabase implements UnitOfWork {

    private final DataSource dataSource;
    private final Schema schema;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterwards = new ThreadLocal<>();
    private volatile WriteWatch watch;
    private volatile GroupWriter groupWriter;

    /**
     * Told of every statement that writes what it watches (a cache of those records): once when the
     * statement is prepared, and again once the write is visible to other connections (after its
     * statement in auto-commit, after the transaction otherwise).
     */
    public interface WriteWatch {
        boolean watches(String sql);

        /** At the statement's preparation; may throw, and the write then fails. */
        void written();

        /** Once the write is visible to other connections; must not throw. */
        void visible();
    }

    /** Installs the one watch of writes (the credential cache). */
    public void watchWrites(WriteWatch watch) {
        this.watch = watch;
    }

    public JdbcDatabase(DataSource dataSource) {
        this(dataSource, Schema.DEFAULT);
    }

    public JdbcDatabase(DataSource dataSource, Schema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public <T> Outcome<T> allOrNothing(Supplier<Outcome<T>> work) {
        return transact(work, result -> result instanceof Outcome.Done<T>);
    }

    @Override
    public <T> T alwaysCommit(Supplier<T> work) {
        return transact(work, result -> true);
    }

    /**
     * With {@link #groupCommits(int)} on and no transaction open on this thread: hands the work to one
     * writer thread, which runs the works that wait together (at most the batch size) in one
     * transaction and commits it; this returns once that commit is done (nothing is acknowledged
     * before its rows are committed). If the shared transaction fails, each of its works is run again
     * alone in a transaction of its own, so one bad write fails only its own caller.
     */
    @Override
    public <T> T groupCommit(Supplier<T> work) {
        GroupWriter writer = groupWriter;
        if (writer == null || transaction.get() != null) {
            return alwaysCommit(work);
        }
        return writer.submit(work);
    }

    /**
     * Turns group commit on ({@link #groupCommit}) with at most {@code maxBatch} works per transaction;
     * the writer is a daemon thread, started here.
     */
    public void groupCommits(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("group commit: the batch size must be positive");
        }
        if (groupWriter == null) {
            groupWriter = new GroupWriter(maxBatch);
        }
    }

    /**
     * Stops the group-commit writer, if any, after it has committed what waits; later grouped works
     * commit alone on their caller's thread. Call before the pool closes (the application does, as
     * the bean is destroyed).
     */
    public void stopGroupCommits() {
        GroupWriter writer = groupWriter;
        groupWriter = null;
        if (writer != null) {
            writer.stop();
        }
    }

    /** The one thread that runs grouped works, batch by batch. */
    private final class GroupWriter {

        private record Pending<T>(Supplier<T> work, CompletableFuture<T> done) {
            void runAlone(JdbcDatabase database) {
                try {
                    done.complete(database.alwaysCommit(work));
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            }
        }

        private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
        private final int maxBatch;
        private final Thread thread;
        private volatile boolean stopped;

        GroupWriter(int maxBatch) {
            this.maxBatch = maxBatch;
            thread = new Thread(this::loop, "group-commit");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            stopped = true;
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        <T> T submit(Supplier<T> work) {
            CompletableFuture<T> done = new CompletableFuture<>();
            Pending<T> pending = new Pending<>(work, done);
            queue.add(pending);
            // stopped meanwhile: what the writer did not take, its caller commits
            if (stopped && queue.remove(pending)) {
                pending.runAlone(JdbcDatabase.this);
            }
            try {
                return done.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        private void loop() {
            List<Pending<?>> batch = new ArrayList<>(maxBatch);
            while (true) {
                boolean last = stopped;
                try {
                    Pending<?> first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                    }
                } catch (InterruptedException e) {
                    last = true;
                }
                queue.drainTo(batch, maxBatch - batch.size());
                if (batch.isEmpty()) {
                    if (last) {
                        return;
                    }
                    continue;
                }
                try {
                    if (batch.size() == 1) {
                        batch.get(0).runAlone(JdbcDatabase.this);
                    } else {
                        runTogether(batch);
                    }
                } catch (RuntimeException | Error e) {
                    batch.forEach(pending -> pending.done().completeExceptionally(e));
                } finally {
                    batch.clear();
                }
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void runTogether(List<Pending<?>> batch) {
            List<Object> results = new ArrayList<>(batch.size());
            boolean committed;
            try {
                transact(() -> {
                    for (Pending<?> pending : batch) {
                        results.add(pending.work().get());
                    }
                    return null;
                }, result -> true);
                committed = true;
            } catch (RuntimeException | Error e) {
                committed = false;
            }
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                if (committed) {
                    pending.done().complete(results.get(i));
                } else {
                    pending.runAlone(JdbcDatabase.this);
                }
            }
        }
    }

    private <T> T transact(Supplier<T> work, Predicate<T> commits) {
        if (transaction.get() != null) {
            return work.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                T result = work.get();
                if (commits.test(result)) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return result;
            } catch (RuntimeException | Error failure) {
                connection.rollback();
                throw failure;
            } finally {
                transaction.remove();
                connection.setAutoCommit(true);
                runAfterwards();
            }
        } catch (SQLException e) {
            throw failure("transaction failed", e);
        }
    }

    /**
     * Runs {@code action} once the transaction open on this thread has ended (committed or rolled
     * back), or at once when none is open. Caches use it to forget records only after the change is
     * visible to other connections.
     */
    public void afterTransaction(Runnable action) {
        if (transaction.get() == null) {
            action.run();
            return;
        }
        List<Runnable> pending = afterwards.get();
        if (pending == null) {
            pending = new ArrayList<>();
            afterwards.set(pending);
        }
        pending.add(action);
    }

    private void runAfterwards() {
        List<Runnable> pending = afterwards.get();
        afterwards.remove();
        if (pending != null) {
            pending.forEach(Runnable::run);
        }
    }

    /** Runs statements on the open transaction's connection, or on a pooled one in auto-commit. */
    <T> T run(SqlWork<T> work) {
        Connection current = transaction.get();
        try {
            if (current != null) {
                Session session = new Session(current, schema, watch);
                T result = work.apply(session);
                if (session.watchedWrite()) {
                    afterTransaction(watch::visible);
                }
                return result;
            }
            Session session;
            T result;
            try (Connection connection = dataSource.getConnection()) {
                session = new Session(connection, schema, watch);
                result = work.apply(session);
            }
            if (session.watchedWrite()) {
                watch.visible();
            }
            return result;
        } catch (SQLException e) {
            throw failure(e.getMessage(), e);
        }
    }

    /** Lost or refused connections (SQLState class 08) are outages; anything else is a bug. */
    private static RuntimeException failure(String message, SQLException e) {
        boolean connection = e instanceof SQLTransientConnectionException
                || e.getSQLState() != null && e.getSQLState().startsWith("08");
        return connection ? new StoreUnavailable("database unavailable: " + message, e) : new StoreFailure(message, e);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Session session) throws SQLException;
    }
}
