package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import com.lanonasis.gateway.domain.audit.port.out.AuditTrail;
import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The audit trail in order of recording; read back newest first, filtered and paged as the JDBC store does. */
public final class InMemoryAuditLog implements AuditLog, AuditTrail, Purgeable {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<Long, AuditRecord> records;
    private final AtomicLong ids = new AtomicLong();

    public InMemoryAuditLog(InMemoryDatabase database) {
        this.database = database;
        this.records = database.table();
    }

    @Override
    public void record(AuditEvent event) {
        long id = ids.incrementAndGet();
        records.put(id, new AuditRecord(id, event));
    }

    /** Every event recorded, oldest first. */
    public List<AuditEvent> events() {
        return records.values().stream().map(AuditRecord::event).toList();
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        return records.values().stream()
                .filter(record -> query.userId() == null || query.userId().equals(record.event().userId()))
                .filter(record -> query.clientId() == null || query.clientId().equals(record.event().clientId()))
                .filter(record -> query.type() == null || query.type() == record.event().type())
                .filter(record -> query.from() == null || !record.event().at().isBefore(query.from()))
                .filter(record -> query.to() == null || record.event().at().isBefore(query.to()))
                .sorted(Comparator.comparing((AuditRecord record) -> record.event().at())
                        .thenComparingLong(AuditRecord::id).reversed())
                .skip((long) (query.page() - 1) * query.limit()).limit(query.limit())
                .toList();
    }

    @Override
    public String name() {
        return "audit events";
    }

    @Override
    public int purgeBefore(Instant cutoff, int batch) {
        return database.locked(() -> {
            List<Long> old = records.values().stream().filter(record -> record.event().at().isBefore(cutoff))
                    .limit(batch).map(AuditRecord::id).toList();
            old.forEach(records::remove);
            return old.size();
        });
    }
}
