package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The in-memory stores' "database": tables are maps guarded by one lock, and {@link UnitOfWork}
 * keeps an undo journal, so a transaction commits or rolls back everything it wrote, as
 * {@code JdbcDatabase} does: {@code allOrNothing} rolls back a rejected outcome, {@code alwaysCommit}
 * keeps whatever was returned, a thrown exception rolls back either way, and work started inside an
 * open transaction joins it. One transaction runs at a time (the lock is held until it ends), which
 * is what an embedded, test-sized store needs.
 */
public final class InMemoryDatabase implements UnitOfWork {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Deque<Runnable>> journal = new ThreadLocal<>();

    @Override
    public <T> Outcome<T> allOrNothing(Supplier<Outcome<T>> work) {
        return inTransaction(work, result -> result instanceof Outcome.Done<T>);
    }

    @Override
    public <T> T alwaysCommit(Supplier<T> work) {
        return inTransaction(work, result -> true);
    }

    private <T> T inTransaction(Supplier<T> work, Predicate<T> commits) {
        if (journal.get() != null) {
            return work.get();
        }
        lock.lock();
        Deque<Runnable> undo = new ArrayDeque<>();
        journal.set(undo);
        try {
            T result = work.get();
            if (!commits.test(result)) {
                undo.forEach(Runnable::run);
            }
            return result;
        } catch (RuntimeException | Error failure) {
            undo.forEach(Runnable::run);
            throw failure;
        } finally {
            journal.remove();
            lock.unlock();
        }
    }

    /** Runs a read or a write under the lock (joining the thread's transaction, if any). */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** Remembers how to undo a write, when one is made inside a transaction. */
    private void onRollback(Runnable undo) {
        Deque<Runnable> open = journal.get();
        if (open != null) {
            open.push(undo);
        }
    }

    <K, V> Table<K, V> table() {
        return new Table<>(this);
    }

    /** A map whose writes are undone when the transaction they were made in rolls back. Insertion-ordered. */
    static final class Table<K, V> {
        private final InMemoryDatabase database;
        private final Map<K, V> rows = new LinkedHashMap<>();

        private Table(InMemoryDatabase database) {
            this.database = database;
        }

        Optional<V> get(K key) {
            return database.locked(() -> Optional.ofNullable(rows.get(key)));
        }

        List<V> values() {
            return database.locked(() -> new ArrayList<>(rows.values()));
        }

        List<Map.Entry<K, V>> entries() {
            return database.locked(() -> rows.entrySet().stream().map(entry -> Map.entry(entry.getKey(), entry.getValue())).toList());
        }

        void put(K key, V value) {
            database.locked(() -> {
                boolean had = rows.containsKey(key);
                V previous = rows.put(key, value);
                database.onRollback(() -> restore(key, had, previous));
            });
        }

        /** Puts only when the key is absent; true when it did. */
        boolean insert(K key, V value) {
            return database.locked(() -> {
                if (rows.containsKey(key)) {
                    return false;
                }
                put(key, value);
                return true;
            });
        }

        Optional<V> remove(K key) {
            return database.locked(() -> {
                boolean had = rows.containsKey(key);
                V previous = rows.remove(key);
                if (had) {
                    database.onRollback(() -> restore(key, true, previous));
                }
                return Optional.ofNullable(previous);
            });
        }

        int removeIf(Predicate<V> condition) {
            return database.locked(() -> {
                List<K> doomed = rows.entrySet().stream().filter(entry -> condition.test(entry.getValue()))
                        .map(Map.Entry::getKey).toList();
                doomed.forEach(this::remove);
                return doomed.size();
            });
        }

        private void restore(K key, boolean had, V previous) {
            if (had) {
                rows.put(key, previous);
            } else {
                rows.remove(key);
            }
        }
    }
}
