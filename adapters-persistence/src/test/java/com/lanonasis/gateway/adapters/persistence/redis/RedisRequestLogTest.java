package com.lanonasis.gateway.adapters.persistence.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request log in a real Redis: filters and paging, hourly statistics, the cap and the purge by time. */
class RedisRequestLogTest {

    private final TestRedis server;
    private final RedisStore redis;
    private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

    RedisRequestLogTest() throws Exception {
        server = new TestRedis();
        redis = server.connect();
    }

    @AfterEach
    void stop() throws Exception {
        redis.close();
        server.close();
    }

    private RequestRecord record(Instant at, int status, long micros, String address, String user) {
        return new RequestRecord(at, "req-" + at.toEpochMilli(), "GET", "/api/v1/memory", status, micros, address,
                "localhost", "curl/8", user, null);
    }

    @Test
    void filtersPagesAndCountsPerHour() {
        RedisRequestLog log = new RedisRequestLog(redis, 1000);
        log.append(List.of(record(hour.plusSeconds(1), 200, 1_000, "10.0.0.1", "u1"),
                record(hour.plusSeconds(2), 404, 2_000, "10.0.0.2", "u1"),
                record(hour.plusSeconds(3), 503, 900_000, "10.0.0.1", "u2"),
                record(hour.minusSeconds(10), 200, 1_000, "10.0.0.3", null)));
        log.append(List.of(record(hour.plusSeconds(1), 200, 1_000, "10.0.0.1", "u1"))); // the same again: kept

        assertEquals(5, log.query(query(null, null, null, 1, 100)).size());
        assertEquals(3, log.query(query("u1", null, null, 1, 100)).size());
        assertEquals(List.of(503, 404), log.query(new RequestLogQuery(null, null, null, null, 400, null, null, null, 1,
                10)).stream().map(RequestRecord::status).toList(), "errors=400, newest first");
        assertEquals(3, log.query(new RequestLogQuery("10.0.0.1", null, null, null, null, null, null, null, 1, 10))
                .size(), "by address, the repeated record included");
        assertEquals(List.of(503), log.query(new RequestLogQuery(null, null, null, null, null, 500L, null, null, 1, 10))
                .stream().map(RequestRecord::status).toList(), "slow: 500 ms or more");
        assertEquals(List.of(hour.plusSeconds(2)), log.query(query(null, null, null, 2, 1)).stream()
                .map(RequestRecord::at).toList(), "newest first, page 2 of size 1");
        assertEquals(1, log.query(query(null, hour.minusSeconds(60), hour, 1, 10)).size(), "from inclusive, to exclusive");

        List<HourlyRequests> hours = log.hourly(hour.minus(Duration.ofHours(1)), hour.plus(Duration.ofHours(1)));
        assertEquals(List.of(new HourlyRequests(hour.minus(Duration.ofHours(1)), 1, 0, 0, 1),
                new HourlyRequests(hour, 4, 1, 1, 2)), hours);
    }

    @Test
    void theCapKeepsTheNewestAndThePurgeRemovesByTime() {
        RedisRequestLog log = new RedisRequestLog(redis, 3);
        for (int i = 0; i < 5; i++) {
            log.append(List.of(record(hour.plusSeconds(i), 200, 10, "10.0.0.1", null)));
        }
        assertEquals(List.of(hour.plusSeconds(4), hour.plusSeconds(3), hour.plusSeconds(2)),
                log.query(query(null, null, null, 1, 10)).stream().map(RequestRecord::at).toList());

        assertEquals(2, log.purgeBefore(hour.plusSeconds(4), 1000));
        assertEquals(List.of(hour.plusSeconds(4)), log.query(query(null, null, null, 1, 10)).stream()
                .map(RequestRecord::at).toList());
    }

    private static RequestLogQuery query(String user, Instant from, Instant to, int page, int limit) {
        return new RequestLogQuery(null, null, user, null, null, null, from, to, page, limit);
    }
}
