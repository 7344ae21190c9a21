package com.lanonasis.gateway.adapters.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderedWorkTest {

    /** A pool that runs nothing until told to: what is queued stays queued. */
    private static final class HeldPool implements java.util.concurrent.Executor {
        final List<Runnable> handed = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            handed.add(command);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(handed);
            handed.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void tasksRunInTheOrderGivenWithOneHandOffWhileBusy() {
        HeldPool pool = new HeldPool();
        OrderedWork work = new OrderedWork(pool, 10);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertTrue(work.offer(() -> ran.add(n)));
        }
        assertEquals(1, pool.handed.size());
        pool.runAll();
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
        assertTrue(work.offer(() -> ran.add(5)));
        assertEquals(1, pool.handed.size()); // idle again: the next task is handed to the pool anew
        pool.runAll();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ran);
    }

    @Test
    void refusesBeyondTheLimitAndAcceptsAgainOnceDrained() {
        HeldPool pool = new HeldPool();
        OrderedWork work = new OrderedWork(pool, 3);
        List<Integer> ran = new ArrayList<>();
        assertTrue(work.offer(() -> ran.add(1)));
        assertTrue(work.offer(() -> ran.add(2)));
        assertTrue(work.offer(() -> ran.add(3)));
        assertFalse(work.offer(() -> ran.add(4)));
        pool.runAll();
        assertEquals(List.of(1, 2, 3), ran);
        assertTrue(work.offer(() -> ran.add(5)));
        pool.runAll();
        assertEquals(List.of(1, 2, 3, 5), ran);
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() {
        HeldPool pool = new HeldPool();
        OrderedWork work = new OrderedWork(pool, 10);
        List<Integer> ran = new ArrayList<>();
        work.offer(() -> ran.add(1));
        work.offer(() -> {
            throw new IllegalStateException("boom");
        });
        work.offer(() -> ran.add(3));
        pool.runAll();
        assertEquals(List.of(1, 3), ran);
        assertTrue(work.offer(() -> ran.add(4)));
        pool.runAll();
        assertEquals(List.of(1, 3, 4), ran);
    }

    @Test
    void aClosedPoolRefusesWithoutLosingTheNextChance() {
        OrderedWork work = new OrderedWork(command -> {
            throw new RejectedExecutionException("shut down");
        }, 10);
        assertFalse(work.offer(() -> { }));
        assertFalse(work.offer(() -> { })); // not stuck believing a drain is running
    }

    @Test
    void concurrentOffersFromOneThreadKeepTheirOrderOnARealPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            OrderedWork work = new OrderedWork(pool, 100_000);
            List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 20_000; i++) {
                int n = i;
                assertTrue(work.offer(() -> ran.add(n)));
            }
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            work.offer(done::countDown);
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(20_000, ran.size());
            for (int i = 0; i < ran.size(); i++) {
                assertEquals(i, ran.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
