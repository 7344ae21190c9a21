package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.port.out.RequestLog;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The request log in Redis ({@code ONASIS_REQUEST_LOG_STORE=redis}): one sorted set,
 * {@code onasis:request-log}, each record a JSON member scored by its time in milliseconds. A batch
 * is one {@code ZADD}; queries walk the set newest first in chunks and filter here, examining at most
 * {@link #SCAN_LIMIT} records per query; hourly statistics read the window oldest first. The set is
 * capped at {@code maxRecords} (the oldest go first) and the retention purge removes records by
 * score. Suited to a recent window (hours to days), not to months.
 */
public final class RedisRequestLog implements RequestLog, Purgeable {

    static final String KEY = RedisStore.PREFIX + "request-log";
    /** Records examined at most per query or statistics call. */
    public static final int SCAN_LIMIT = 200_000;
    private static final int CHUNK = 1000;

    private final RedisStore redis;
    private final long maxRecords;

    public RedisRequestLog(RedisStore redis, long maxRecords) {
        this.redis = redis;
        this.maxRecords = maxRecords;
    }

    @Override
    public void append(List<RequestRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ScoredValue<String>> members = new ArrayList<>(batch.size());
        for (RequestRecord record : batch) {
            members.add(ScoredValue.just(record.at().toEpochMilli(), redis.write(encode(record))));
        }
        @SuppressWarnings("unchecked")
        ScoredValue<String>[] values = members.toArray(new ScoredValue[0]);
        redis.call(c -> {
            c.zadd(KEY, values);
            return c.zremrangebyrank(KEY, 0, -maxRecords - 1);
        });
    }

    @Override
    public List<RequestRecord> query(RequestLogQuery query) {
        Range<Double> window = window(query.from(), query.to());
        long skip = (long) (query.page() - 1) * query.limit();
        List<RequestRecord> page = new ArrayList<>();
        for (int offset = 0; offset < SCAN_LIMIT && page.size() < query.limit(); offset += CHUNK) {
            int from = offset;
            List<String> chunk = redis.call(c -> c.zrevrangebyscore(KEY, window, Limit.create(from, CHUNK)));
            for (String member : chunk) {
                RequestRecord record = decode(member);
                if (query.matches(record)) {
                    if (skip > 0) {
                        skip--;
                    } else if (page.size() < query.limit()) {
                        page.add(record);
                    }
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        return page;
    }

    @Override
    public List<HourlyRequests> hourly(Instant from, Instant to) {
        Range<Double> window = window(from, to);
        Map<Long, long[]> counts = new TreeMap<>();
        Map<Long, Set<String>> addresses = new LinkedHashMap<>();
        for (int offset = 0; offset < SCAN_LIMIT; offset += CHUNK) {
            int start = offset;
            List<String> chunk = redis.call(c -> c.zrangebyscore(KEY, window, Limit.create(start, CHUNK)));
            for (String member : chunk) {
                RequestRecord record = decode(member);
                long hour = record.at().getEpochSecond() / 3600;
                long[] count = counts.computeIfAbsent(hour, h -> new long[3]);
                count[0]++;
                if (record.status() >= 500) {
                    count[1]++;
                } else if (record.status() >= 400) {
                    count[2]++;
                }
                addresses.computeIfAbsent(hour, h -> new HashSet<>()).add(record.clientAddress());
            }
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        List<HourlyRequests> hours = new ArrayList<>();
        counts.forEach((hour, count) -> hours.add(new HourlyRequests(Instant.ofEpochSecond(hour * 3600), count[0],
                count[1], count[2], addresses.get(hour).size())));
        return hours;
    }

    @Override
    public String name() {
        return "request_log";
    }

    /** One {@code ZREMRANGEBYSCORE} removes everything older at once (Redis does it without a batch size). */
    @Override
    public int purgeBefore(Instant cutoff, int batch) {
        long removed = redis.call(c -> c.zremrangebyscore(KEY,
                Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding((double) cutoff.toEpochMilli()))));
        return (int) Math.min(Integer.MAX_VALUE, removed);
    }

    private static Range<Double> window(Instant from, Instant to) {
        return Range.from(from == null ? Range.Boundary.unbounded() : Range.Boundary.including((double) from.toEpochMilli()),
                to == null ? Range.Boundary.unbounded() : Range.Boundary.excluding((double) to.toEpochMilli()));
    }

    private static Map<String, Object> encode(RequestRecord record) {
        Map<String, Object> value = new LinkedHashMap<>();
        // members of a sorted set are unique: two identical records must not collapse into one
        value.put("n", UUID.randomUUID().toString());
        value.put("at", record.at().toString());
        value.put("request_id", record.requestId());
        value.put("method", record.method());
        value.put("route", record.route());
        value.put("status", record.status());
        value.put("duration_us", record.durationMicros());
        value.put("client_address", record.clientAddress());
        value.put("host", record.host());
        value.put("user_agent", record.userAgent());
        value.put("user_id", record.userId());
        value.put("client_id", record.clientId());
        return value;
    }

    private RequestRecord decode(String member) {
        Map<String, Object> value = redis.read(member);
        return new RequestRecord(Instant.parse((String) value.get("at")), (String) value.get("request_id"),
                (String) value.get("method"), (String) value.get("route"), ((Number) value.get("status")).intValue(),
                ((Number) value.get("duration_us")).longValue(), (String) value.get("client_address"),
                (String) value.get("host"), (String) value.get("user_agent"), (String) value.get("user_id"),
                (String) value.get("client_id"));
    }
}
