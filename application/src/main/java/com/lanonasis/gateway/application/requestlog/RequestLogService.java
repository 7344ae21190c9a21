package com.lanonasis.gateway.application.requestlog;

import com.lanonasis.gateway.application.requestlog.port.in.ReadRequestLogUseCase;
import com.lanonasis.gateway.application.requestlog.port.in.RecordRequestUseCase;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.port.out.RequestLog;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The request log: the edge offers each finished request to a bounded queue (a full queue drops
 * the record and counts it, the request never waits), and one writer thread drains the queue in
 * batches into the store and hands each record to open live tails. Reading is for administrators.
 */
public final class RequestLogService implements RecordRequestUseCase, ReadRequestLogUseCase, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RequestLogService.class.getName());

    private final RequestLog store;
    private final AuditLog audit;
    private final Clock clock;
    private final BlockingQueue<RequestRecord> queue;
    private final int batchSize;
    private final List<Consumer<RequestRecord>> tails = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    public RequestLogService(RequestLog store, AuditLog audit, Clock clock, int capacity, int batchSize) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batch size must be positive");
        }
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.writer = new Thread(this::drainLoop, "request-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(RequestRecord request) {
        if (!running || !queue.offer(request)) {
            dropped.incrementAndGet();
        }
    }

    /** Records refused because the queue was full (or the service stopping). */
    public long dropped() {
        return dropped.get();
    }

    /** Records lost because the store failed to take their batch. */
    public long failed() {
        return failed.get();
    }

    public long written() {
        return written.get();
    }

    /** Records waiting to be written. */
    public int pending() {
        return queue.size();
    }

    private void drainLoop() {
        List<RequestRecord> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                RequestRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    write(batch);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "request log writer: " + e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<RequestRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.append(List.copyOf(batch));
            written.addAndGet(batch.size());
        } catch (RuntimeException e) {
            failed.addAndGet(batch.size());
            LOG.log(System.Logger.Level.WARNING,
                    "request log: a batch of " + batch.size() + " records was not stored: " + e);
        }
        for (Consumer<RequestRecord> tail : tails) {
            for (RequestRecord record : batch) {
                try {
                    tail.accept(record);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "request log tail failed", e);
                }
            }
        }
    }

    /** Writes what is queued and stops the writer (at shutdown). */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean mayRead(Principal caller) {
        return caller.role() == Role.ADMIN && caller.allows(Scope.ADMIN);
    }

    @Override
    public Outcome<List<RequestRecord>> query(Principal caller, RequestLogQuery query) {
        if (!mayRead(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        List<RequestRecord> found = store.query(query);
        viewed(caller, "logs.query");
        return Outcome.done(found);
    }

    @Override
    public Outcome<List<HourlyRequests>> hourly(Principal caller, Instant from, Instant to) {
        if (!mayRead(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : from;
        if (end.isBefore(start)) {
            throw new InvalidValue("to", "to must not be before from");
        }
        if (Duration.between(start, end).toHours() > MAX_HOURS) {
            throw new InvalidValue("from", "at most " + MAX_HOURS + " hours at once");
        }
        List<HourlyRequests> hours = store.hourly(start, end);
        viewed(caller, "logs.hourly");
        return Outcome.done(hours);
    }

    @Override
    public Outcome<Tail> tail(Principal caller, Consumer<RequestRecord> listener) {
        if (!mayRead(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        tails.add(listener);
        viewed(caller, "logs.stream");
        return Outcome.done(() -> tails.remove(listener));
    }

    private void viewed(Principal caller, String action) {
        Map<String, String> details = new HashMap<>();
        details.put("action", action);
        details.put("by", caller.userId().toString());
        details.put("credential", caller.via().name().toLowerCase(Locale.ROOT));
        audit.record(new AuditEvent(AuditEvent.Type.ADMIN_VIEWED, clock.instant(), null, caller.clientId(), details));
    }
}
