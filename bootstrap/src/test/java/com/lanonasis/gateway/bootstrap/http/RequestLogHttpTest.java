package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: every request lands in the request log (asynchronously), administrators read it with
 * filters, hourly statistics and a live tail, and it never holds a credential or a query string.
 */
@MicronautTest
@Property(name = "onasis.admin.emails", value = "logs-admin@example.com, logs-other@example.com")
@Property(name = "onasis.credentials.recheck-period", value = "1s")
class RequestLogHttpTest extends HttpTest {

    @Inject
    HikariDataSource database;

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();
    private Api.Account admin;

    @BeforeEach
    void firstAdmin() {
        admin = account("logs-admin@example.com");
    }

    String schema() {
        return "";
    }

    private Api.Account account(String email) {
        String password = "admin password of " + email;
        Api.Reply registered = api.post("/v1/auth/register", Map.of("email", email, "password", password));
        assertTrue(registered.status() == 201 || registered.status() == 409, registered.toString());
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", email, "password", password));
        assertEquals(200, login.status(), login.toString());
        String id = (String) ((Map<?, ?>) login.body().get("user")).get("id");
        return new Api.Account(id, email, password, login.string("access_token"));
    }

    @Test
    void requestsAreRecordedWithWhoWhereAndHowLongAndAdminsFilterThem() {
        Api.Account user = api.newAccount();
        String agent = "log-test/" + UUID.randomUUID();
        Api.Reply listed = api.get("/api/v1/memory", "Authorization", "Bearer " + user.token(), "User-Agent", agent,
                "X-Forwarded-For", "203.0.113.9");
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(404, api.get("/api/v1/memory/" + UUID.randomUUID(), "Authorization", "Bearer " + user.token(),
                "User-Agent", agent).status());

        List<Map<String, Object>> mine = waitFor("/api/v1/logs?user=" + user.id(), rows -> rows.size() >= 2);
        Map<String, Object> list = mine.stream().filter(row -> "/api/v1/memory".equals(row.get("route")))
                .findFirst().orElseThrow(() -> new AssertionError(mine.toString()));
        assertEquals("GET", list.get("method"));
        assertEquals(200, list.get("status"));
        assertEquals(user.id(), list.get("user_id"));
        assertEquals(agent, list.get("user_agent"));
        assertEquals("127.0.0.1", list.get("client_address"), "X-Forwarded-For from an untrusted peer is ignored");
        assertEquals(listed.header("X-Request-ID"), list.get("request_id"));
        assertNotNull(list.get("host"));
        assertTrue(((Number) list.get("duration_ms")).doubleValue() >= 0);
        assertNotNull(list.get("at"));
        assertTrue(mine.stream().anyMatch(row -> "/api/v1/memory/{id}".equals(row.get("route"))),
                "the route template, never the path with its ids: " + mine);

        assertEquals(List.of(404), statuses("/api/v1/logs?user=" + user.id() + "&status=404"));
        assertEquals(List.of(404), statuses("/api/v1/logs?user=" + user.id() + "&errors=400"));
        assertEquals(List.of(), statuses("/api/v1/logs?user=" + user.id() + "&errors=true"));
        assertEquals(List.of(), statuses("/api/v1/logs?user=" + user.id() + "&slow=600000"));
        assertEquals(2, statuses("/api/v1/logs/search?user=" + user.id() + "&slow=0").size());
        assertEquals(1, statuses("/api/v1/logs?user=" + user.id() + "&limit=1&page=2").size());
        assertEquals(List.of(), statuses("/api/v1/logs?user=" + user.id() + "&from=2999-01-01T00:00:00Z"));
        assertEquals(List.of(), statuses("/api/v1/logs/client/no-such-client"));
        assertFalse(statuses("/api/v1/logs/ip/127.0.0.1?limit=5").isEmpty());
        assertEquals(List.of(), statuses("/api/v1/logs/ip/198.51.100.1"));
        Api.Reply errors = api.get("/api/v1/logs/errors?errors=400&limit=200", admin.bearer());
        assertEquals(200, errors.status(), errors.toString());
        assertTrue(errors.list("requests").stream().allMatch(row -> ((Number) row.get("status")).intValue() >= 400));
        assertEquals("no-store", errors.header("Cache-Control"));
    }

    @Test
    void onlyAdministratorsReadTheLogAndBadFiltersAreNamed() {
        Api.Account user = api.newAccount();
        Api.Reply refused = api.get("/api/v1/logs", user.bearer());
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("insufficient_scope", refused.string("error"));
        assertEquals(403, api.get("/api/v1/logs/stats/hourly", user.bearer()).status());
        assertEquals(403, api.get("/api/v1/logs/errors", user.bearer()).status());
        assertEquals(401, api.get("/api/v1/logs").status());
        String readOnlyKey = api.apiKey(admin, List.of("memories:read"));
        assertEquals(403, api.get("/api/v1/logs", "X-API-Key", readOnlyKey).status(), "an admin without the scope");

        for (String bad : List.of("status=abc", "status=99", "errors=maybe", "slow=-1", "slow=x", "limit=0",
                "limit=501", "page=0", "from=yesterday", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")) {
            Api.Reply reply = api.get("/api/v1/logs?" + bad, admin.bearer());
            assertEquals(400, reply.status(), bad + " " + reply);
            assertEquals("validation_failed", reply.string("error"), bad);
        }
        Api.Reply wide = api.get("/api/v1/logs/stats/hourly?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                admin.bearer());
        assertEquals(400, wide.status(), wide.toString());
        assertEquals("validation_failed", wide.string("error"));
    }

    @Test
    void hourlyStatisticsCountRequestsErrorsAndAddresses() {
        Api.Account user = api.newAccount();
        api.get("/api/v1/memory", user.bearer());
        api.get("/api/v1/memory/" + UUID.randomUUID(), user.bearer());
        waitFor("/api/v1/logs?user=" + user.id(), rows -> rows.size() >= 2);

        Api.Reply stats = api.get("/api/v1/logs/stats/hourly", admin.bearer());
        assertEquals(200, stats.status(), stats.toString());
        List<Map<String, Object>> hours = stats.list("hours");
        assertFalse(hours.isEmpty(), stats.toString());
        Map<String, Object> last = hours.get(hours.size() - 1);
        assertTrue(((String) last.get("hour")).endsWith(":00:00Z"), last.toString());
        assertTrue(((Number) last.get("requests")).longValue() >= 2, last.toString());
        assertTrue(((Number) last.get("client_errors")).longValue() >= 1, last.toString());
        assertTrue(((Number) last.get("unique_addresses")).longValue() >= 1, last.toString());
        assertEquals(List.of(), api.get("/api/v1/logs/stats/hourly?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z",
                admin.bearer()).list("hours"));
    }

    @Test
    void noCredentialQueryStringOrCookieIsEverStored() throws Exception {
        Api.Account user = api.newAccount();
        String key = api.apiKey(user, null);
        String marker = "s3cr3t-" + UUID.randomUUID();
        api.get("/api/v1/memory?token=" + marker, "X-API-Key", key, "Cookie", "onasis_session=" + marker);
        api.post("/oauth/token?code=" + marker, Map.of(), "Authorization", "Bearer " + marker);
        api.get("/api/v1/memory", user.bearer());
        waitFor("/api/v1/logs?user=" + user.id(), rows -> rows.size() >= 2);
        waitFor("/api/v1/logs?status=401", rows -> !rows.isEmpty());

        List<String> stored = storedValues();
        assertFalse(stored.isEmpty());
        for (String value : stored) {
            assertFalse(value.contains(marker) || value.contains(key) || value.contains(user.token())
                    || value.contains("?"), "stored: " + value);
        }
    }

    /** Every stored value of every request record, as text. */
    List<String> storedValues() throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT * FROM " + schema() + "request_log")) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    if (rows.getString(i) != null) {
                        values.add(columns.getColumnName(i) + "=" + rows.getString(i));
                    }
                }
            }
        }
        return values;
    }

    @Test
    void theLiveTailShowsNewRequestsAndEndsWhenTheCallerIsNoLongerAdmin() throws Exception {
        Api.Account other = account("logs-other@example.com");
        Api.Account user = api.newAccount();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = http.sendAsync(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/v1/logs/stream?user=" + user.id()))
                .header("Authorization", "Bearer " + other.token()).build(), HttpResponse.BodyHandlers.ofLines()).join();
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        assertTrue(line(lines, l -> l.contains("connected")).contains("connected"));

        api.get("/api/v1/memory", user.bearer());
        api.get("/api/v1/memory", admin.bearer()); // filtered out: another user
        String event = line(lines, l -> l.startsWith("data:"));
        assertTrue(event.contains("\"route\":\"/api/v1/memory\"") && event.contains(user.id()), event);

        Api.Reply demoted = api.put("/api/v1/admin/users/" + other.id() + "/role", Map.of("role", "user"),
                admin.bearer());
        assertEquals(200, demoted.status(), demoted.toString());
        String closed = line(lines, l -> l.contains("not an administrator"));
        assertTrue(closed.contains("reason"), closed);
        assertEquals(403, api.get("/api/v1/logs", other.bearer()).status(), "checked at every use");
        assertEquals(200, api.put("/api/v1/admin/users/" + other.id() + "/role", Map.of("role", "admin"),
                admin.bearer()).status());
    }

    private String line(BlockingQueue<String> lines, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no such line within 15 s; left: " + lines);
    }

    private List<Integer> statuses(String path) {
        Api.Reply reply = api.get(path, admin.bearer());
        assertEquals(200, reply.status(), path + " " + reply);
        return reply.list("requests").stream().map(row -> ((Number) row.get("status")).intValue()).toList();
    }

    /** The log is written off the request path: polls until the rows are there (10 s at most). */
    private List<Map<String, Object>> waitFor(String path, Predicate<List<Map<String, Object>>> done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Api.Reply reply = api.get(path, admin.bearer());
            assertEquals(200, reply.status(), reply.toString());
            List<Map<String, Object>> rows = reply.list("requests");
            if (done.test(rows)) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not logged within 10 s: " + rows);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
