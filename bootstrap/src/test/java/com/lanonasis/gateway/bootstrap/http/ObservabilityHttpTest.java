package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
        assertTrue(metrics.raw().contains("uri=\"/api/v1/memory/{id}\""), "route templates, never raw ids");
        assertTrue(!metrics.raw().contains("00000000-0000-0000-0000-000000000000"));
    }

    private static long counter(String text, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }
}
