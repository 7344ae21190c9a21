package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import com.lanonasis.gateway.domain.requestlog.port.out.RequestLog;
import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Requests in order of arrival; read back newest first, filtered and paged, and counted by UTC hour. */
public final class InMemoryRequestLog implements RequestLog, Purgeable {

    private record Row(long id, RequestRecord record) {
    }

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<Long, Row> rows;
    private final AtomicLong ids = new AtomicLong();

    public InMemoryRequestLog(InMemoryDatabase database) {
        this.database = database;
        this.rows = database.table();
    }

    @Override
    public void append(List<RequestRecord> batch) {
        database.locked(() -> batch.forEach(record -> {
            long id = ids.incrementAndGet();
            rows.put(id, new Row(id, record));
        }));
    }

    @Override
    public List<RequestRecord> query(RequestLogQuery query) {
        return rows.values().stream().filter(row -> query.matches(row.record()))
                .sorted(Comparator.comparing((Row row) -> row.record().at()).thenComparingLong(Row::id).reversed())
                .skip((long) (query.page() - 1) * query.limit()).limit(query.limit())
                .map(Row::record).toList();
    }

    @Override
    public List<HourlyRequests> hourly(Instant from, Instant to) {
        Map<Long, List<RequestRecord>> byHour = rows.values().stream().map(Row::record)
                .filter(record -> !record.at().isBefore(from) && record.at().isBefore(to))
                .collect(Collectors.groupingBy(record -> Math.floorDiv(record.at().getEpochSecond(), 3600),
                        TreeMap::new, Collectors.toList()));
        List<HourlyRequests> hours = new ArrayList<>();
        byHour.forEach((bucket, records) -> hours.add(new HourlyRequests(Instant.ofEpochSecond(bucket * 3600),
                records.size(), records.stream().filter(record -> record.status() >= 500).count(),
                records.stream().filter(record -> record.status() >= 400 && record.status() < 500).count(),
                records.stream().map(RequestRecord::clientAddress).distinct().count())));
        return hours;
    }

    @Override
    public String name() {
        return "request log";
    }

    @Override
    public int purgeBefore(Instant cutoff, int batch) {
        return database.locked(() -> {
            List<Long> old = rows.values().stream().filter(row -> row.record().at().isBefore(cutoff)).limit(batch)
                    .map(Row::id).toList();
            old.forEach(rows::remove);
            return old.size();
        });
    }
}
