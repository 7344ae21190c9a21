package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two transactions that lock two rows in opposite orders deadlock; the database rolls one back.
 * Nothing of that one was written, so {@link JdbcDatabase} runs it again and both callers succeed
 * (no 500 for a conflict); a conflict that does not go away ends as "retry later" (503).
 */
class ConflictRetryTest {

    @AfterAll
    static void closePools() {
        Postgres.closeOpened();
    }

    @Test
    void aDeadlockedTransactionIsRunAgainOnPostgres() throws Exception {
        bothSucceedAfterADeadlock(Postgres.fresh());
    }

    @Test
    void aDeadlockedTransactionIsRunAgainOnH2() throws Exception {
        try (HikariDataSource pool = H2.fresh()) {
            bothSucceedAfterADeadlock(pool);
        }
    }

    @Test
    void aConflictThatPersistsIsRetryLaterNotABug() {
        try (HikariDataSource pool = H2.fresh()) {
            JdbcDatabase database = new JdbcDatabase(pool);
            AtomicInteger runs = new AtomicInteger();
            StoreUnavailable refused = assertThrows(StoreUnavailable.class, () -> database.alwaysCommit(() -> {
                runs.incrementAndGet();
                throw new StoreFailure("refused", new SQLException("deadlock detected", "40P01"));
            }));
            assertEquals(3, runs.get());
            assertTrue(JdbcDatabase.conflict(refused));
            // anything else is not retried
            AtomicInteger others = new AtomicInteger();
            assertThrows(StoreFailure.class, () -> database.alwaysCommit(() -> {
                others.incrementAndGet();
                throw new StoreFailure("bug", new SQLException("syntax error", "42601"));
            }));
            assertEquals(1, others.get());
        }
    }

    private static void bothSucceedAfterADeadlock(HikariDataSource pool) throws Exception {
        JdbcDatabase database = new JdbcDatabase(pool);
        database.run(session -> {
            try (PreparedStatement create = session.prepare(
                    "CREATE TABLE conflict_probe (id INT PRIMARY KEY, hits INT NOT NULL)")) {
                create.execute();
            }
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO conflict_probe (id, hits) VALUES (1, 0), (2, 0)")) {
                insert.execute();
            }
            return null;
        });
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger runsA = new AtomicInteger();
        AtomicInteger runsB = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit(() -> database.alwaysCommit(
                    lockInOrder(database, 1, 2, bothHoldOneRow, runsA)));
            Future<Integer> b = threads.submit(() -> database.alwaysCommit(
                    lockInOrder(database, 2, 1, bothHoldOneRow, runsB)));
            assertEquals(2, a.get(60, TimeUnit.SECONDS));
            assertEquals(2, b.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(3, runsA.get() + runsB.get(), "one of the two was rolled back and run again");
        assertEquals(2, hits(database, 1));
        assertEquals(2, hits(database, 2));
    }

    /** Updates row {@code first}, waits (on its first run only) until the other holds its row, then updates {@code second}. */
    private static Supplier<Integer> lockInOrder(JdbcDatabase database, int first, int second, CyclicBarrier barrier,
            AtomicInteger runs) {
        return () -> {
            boolean firstRun = runs.incrementAndGet() == 1;
            bump(database, first);
            if (firstRun) {
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            bump(database, second);
            return 2;
        };
    }

    private static void bump(JdbcDatabase database, int id) {
        database.run(session -> {
            try (PreparedStatement update = session.prepare("UPDATE conflict_probe SET hits = hits + 1 WHERE id = ?")) {
                update.setInt(1, id);
                return update.executeUpdate();
            }
        });
    }

    private static int hits(JdbcDatabase database, int id) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT hits FROM conflict_probe WHERE id = ?")) {
                select.setInt(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }
}
