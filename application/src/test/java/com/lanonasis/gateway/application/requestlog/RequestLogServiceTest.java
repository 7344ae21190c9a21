package com.lanonasis.gateway.application.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.fakes.TestPrincipals;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.port.out.RequestLog;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestLogServiceTest {

    /** A store whose writes wait until released, so the queue can be filled. */
    private static final class SlowStore implements RequestLog {
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<RequestRecord>> batches = new CopyOnWriteArrayList<>();

        @Override
        public void append(List<RequestRecord> batch) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(batch);
        }

        @Override
        public List<RequestRecord> query(RequestLogQuery query) {
            return List.of();
        }

        @Override
        public List<HourlyRequests> hourly(Instant from, Instant to) {
            return List.of();
        }
    }

    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();

    private static RequestRecord record(int i) {
        return new RequestRecord(Instant.now(), "r" + i, "GET", "/health", 200, 10, "127.0.0.1", null, null, null, null);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaitingAndTheRestIsWrittenInBatches() throws Exception {
        SlowStore store = new SlowStore();
        RequestLogService service = new RequestLogService(store, audited::add, Clock.systemUTC(), 10, 4);
        for (int i = 0; i < 100; i++) {
            service.record(record(i)); // never blocks, although the store does
        }
        assertTrue(service.dropped() >= 100 - 10 - 4, "dropped " + service.dropped());
        store.release.countDown();
        service.close();
        long stored = store.batches.stream().mapToLong(List::size).sum();
        assertEquals(100, stored + service.dropped());
        assertTrue(store.batches.stream().allMatch(batch -> batch.size() <= 4), "batches of at most 4");
    }

    @Test
    void onlyAdministratorsWithTheAdminScopeReadAndEveryReadIsAudited() {
        SlowStore store = new SlowStore();
        store.release.countDown();
        try (RequestLogService service = new RequestLogService(store, audited::add, Clock.systemUTC(), 10, 4)) {
            RequestLogQuery all = new RequestLogQuery(null, null, null, null, null, null, null, null, 1, 10);
            assertInstanceOf(Outcome.Rejected.class, service.query(TestPrincipals.userWith("admin"), all),
                    "a user holding the scope is not an admin");
            assertInstanceOf(Outcome.Rejected.class, service.query(admin("memories:read"), all),
                    "an admin without the scope");
            assertInstanceOf(Outcome.Rejected.class, service.tail(admin("memories:read"), r -> { }));
            assertEquals(0, audited.size());

            assertInstanceOf(Outcome.Done.class, service.query(admin("admin"), all));
            assertInstanceOf(Outcome.Done.class, service.hourly(admin("admin"), null, null));
            assertEquals(List.of("logs.query", "logs.hourly"),
                    audited.stream().map(event -> event.details().get("action")).toList());
        }
    }

    @Test
    void aTailGetsEveryRecordWrittenUntilStopped() throws Exception {
        SlowStore store = new SlowStore();
        store.release.countDown();
        List<RequestRecord> seen = new CopyOnWriteArrayList<>();
        try (RequestLogService service = new RequestLogService(store, audited::add, Clock.systemUTC(), 10, 4)) {
            var tail = ((Outcome.Done<com.lanonasis.gateway.application.requestlog.port.in.ReadRequestLogUseCase.Tail>)
                    service.tail(admin("admin"), seen::add)).value();
            service.record(record(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of("r1"), seen.stream().map(RequestRecord::requestId).toList());
            tail.stop();
            service.record(record(2));
        }
        assertEquals(1, seen.size(), "nothing after stop");
    }

    private static Principal admin(String scopes) {
        UserId id = new UserId(UUID.randomUUID());
        return new Principal(id, "admin@example.com", Role.ADMIN, Scopes.parseSpaceDelimited(scopes),
                CredentialKind.API_KEY, "test", null, List.of());
    }
}
