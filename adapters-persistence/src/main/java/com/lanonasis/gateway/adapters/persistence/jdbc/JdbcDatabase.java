package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
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
