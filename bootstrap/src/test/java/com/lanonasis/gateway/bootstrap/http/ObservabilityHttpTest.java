package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Liveness, readiness per dependency, status, and the Prometheus counters of requests and credential checks. */
@MicronautTest
class ObservabilityHttpTest extends HttpTest {

    @Test
    void readinessListsEachDatabase() {
        Api.Reply full = api.get("/health/full");
        assertEquals(200, full.status());
        assertEquals("ok", full.string("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> database = (Map<String, Object>) ((Map<String, Object>) full.body().get("checks"))
                .get("database");
        assertEquals("up", database.get("status"));
        assertEquals(true, database.get("essential"));
    }

    @Test
    void statusNamesTheVersionAndUptime() {
        Api.Reply status = api.get("/api/v1/status");
        assertEquals(200, status.status());
        assertTrue(status.string("version").matches("\\d+\\.\\d+\\.\\d+.*"), status.toString());
        assertTrue(((Number) status.body().get("uptime_seconds")).longValue() >= 0);
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndCredentialChecksByOutcome() {
        long before = counter(api.get("/metrics").raw(), "onasis_auth_total{credential=\"api_key\",outcome=\"malformed\"}");
        api.get("/api/v1/memory/00000000-0000-0000-0000-000000000000", "X-API-Key", "pk_unknownkey.sk_unknownsecret");
        api.get("/api/v1/memory/11111111-0000-0000-0000-000000000000", "X-API-Key", "pk_unknownkey.sk_unknownsecret");

        Api.Reply metrics = api.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        assertEquals(before + 2, counter(metrics.raw(),
                "onasis_auth_total{credential=\"api_key\",outcome=\"malformed\"}"), metrics.raw());
        assertTrue(metrics.raw().contains("onasis_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/memory/{id}\","
                + "status=\"401\"}"), "route templates, never raw ids");
        assertTrue(!metrics.raw().contains("00000000-0000-0000-0000-000000000000"));
    }

    private static long counter(String text, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void everyLogLineOfARequestCarriesItsId() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        try {
            String key = api.apiKey(api.newAccount(), null);
            api.post("/api/v1/tools/memory_stats", "{}", "X-API-Key", key, "X-Request-ID", "trace-logs-000001");
        } finally {
            root.detachAppender(captured);
            root.setLevel(level);
        }
        List<ILoggingEvent> lines = captured.list.stream()
                .filter(event -> "trace-logs-000001".equals(event.getMDCPropertyMap().get("request_id"))).toList();
        assertTrue(lines.stream().anyMatch(event -> event.getLoggerName().equals("onasis.access")), "the access line");
        assertTrue(lines.stream().anyMatch(event -> !event.getLoggerName().equals("onasis.access")
                        && event.getThreadName().contains("executor")),
                "a line written inside the request, on a worker thread: " + captured.list.stream()
                        .map(e -> e.getThreadName() + " " + e.getLoggerName() + " " + e.getMDCPropertyMap()).toList());
    }
}
