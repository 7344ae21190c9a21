package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
class MemoryHttpTest extends HttpTest {

    private String[] key;

    @BeforeEach
    void freshUser() {
        key = new String[] {"X-API-Key", api.apiKey(api.newAccount(), null)};
    }

    @Test
    void entryLivesThroughCreateGetUpdateDelete() {
        Api.Reply created = api.post("/api/v1/memory", Map.of("title", "Deploy notes", "content", "Blue-green deploys",
                "memory_type", "project", "tags", List.of("ops", "Deploy"), "metadata", Map.of("source", "cli",
                        "nested", Map.of("n", 1, "list", List.of(true, "x")))), key);
        assertEquals(201, created.status(), created.toString());
        String id = created.string("id");
        assertEquals("project", created.string("type"));
        assertEquals(List.of("ops", "Deploy"), created.body().get("tags"));

        Api.Reply got = api.get("/api/v1/memory/" + id, key);
        assertEquals(200, got.status());
        assertEquals("Blue-green deploys", got.string("content"));
        assertEquals(Map.of("n", 1, "list", List.of(true, "x")), ((Map<?, ?>) got.body().get("metadata")).get("nested"));
        assertEquals(1, ((Number) got.body().get("access_count")).intValue());
        assertNotNull(got.string("last_accessed"));

        Api.Reply updated = api.put("/api/v1/memory/" + id, Map.of("title", "Deploy runbook"), key);
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("Deploy runbook", updated.string("title"));
        assertEquals("Blue-green deploys", updated.string("content"), "untouched field kept");
        assertEquals(List.of("ops", "Deploy"), updated.body().get("tags"));

        assertEquals(204, api.delete("/api/v1/memory/" + id, key).status());
        assertEquals(404, api.get("/api/v1/memory/" + id, key).status());
        assertEquals(404, api.delete("/api/v1/memory/" + id, key).status());
    }

    @Test
    void typeDefaultsToContextAndAliasPathWorks() {
        Api.Reply created = api.post("/api/v1/memories", Map.of("title", "t", "content", "c"), key);

        assertEquals(201, created.status());
        assertEquals("context", created.string("type"));
        assertEquals(200, api.get("/api/v1/memories/" + created.string("id"), key).status());
    }

    @Test
    void fieldLimitsAreEnforcedWithFieldErrors() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "t".repeat(201));
        body.put("content", "c".repeat(50_001));
        body.put("tags", IntStream.range(0, 11).mapToObj(i -> "tag" + i).toList());
        body.put("type", "diary");

        Api.Reply reply = api.post("/api/v1/memory", body, key);

        assertEquals(400, reply.status());
        assertEquals(List.of("title", "content", "type", "tags"),
                reply.list("details").stream().map(d -> d.get("field")).toList());
        assertEquals(0L, total(api.get("/api/v1/memory", key)), "nothing written");
    }

    @Test
    void limitsAtTheEdgeAreAccepted() {
        Map<String, Object> body = Map.of("title", "t".repeat(200), "content", "c".repeat(50_000),
                "tags", IntStream.range(0, 10).mapToObj(i -> "x".repeat(50 - i)).toList());

        assertEquals(201, api.post("/api/v1/memory", body, key).status());
    }

    @Test
    void listPagesFiltersAndSorts() {
        for (int i = 0; i < 5; i++) {
            createTyped("entry " + i, i % 2 == 0 ? "knowledge" : "project", List.of(i % 2 == 0 ? "even" : "odd"));
        }

        Api.Reply firstPage = api.get("/api/v1/memory?limit=2&page=1&sort=title&order=asc", key);
        assertEquals(List.of("entry 0", "entry 1"), titles(firstPage));
        assertEquals(Map.of("page", 1, "limit", 2, "total", 5, "pages", 3), firstPage.body().get("pagination"));

        Api.Reply thirdPage = api.get("/api/v1/memory?limit=2&page=3&sort=title&order=asc", key);
        assertEquals(List.of("entry 4"), titles(thirdPage));

        assertEquals(List.of("entry 2", "entry 3"),
                titles(api.get("/api/v1/memory?limit=2&offset=2&sort=title&order=asc", key)));
        assertEquals(List.of("entry 4", "entry 2", "entry 0"),
                titles(api.get("/api/v1/memory?type=knowledge&sort=title&order=desc", key)));
        assertEquals(List.of("entry 1", "entry 3"),
                titles(api.get("/api/v1/memory?tags=odd,nope&sort=title&order=asc", key)));
        assertEquals(5, titles(api.get("/api/v1/memory?tags=odd&tags=even", key)).size());
    }

    @Test
    void badListParametersAreFieldErrors() {
        for (String query : List.of("limit=101", "limit=0", "limit=abc", "page=0", "offset=-1", "sort=size",
                "order=up", "type=diary")) {
            Api.Reply reply = api.get("/api/v1/memory?" + query, key);
            assertEquals(400, reply.status(), query);
            assertEquals("validation_failed", reply.string("error"), query);
        }
    }

    @Test
    void searchRanksByRelevanceOverTitleContentAndTags() {
        create("Kubernetes deploy", "how we roll out", List.of());
        create("Lunch", "the deploy happened after lunch", List.of());
        create("Notes", "nothing relevant", List.of("DEPLOY"));
        create("Other", "unrelated", List.of());

        Api.Reply reply = api.post("/api/v1/memory/search", Map.of("query", "Deploy", "mode", "text"), key);

        assertEquals(200, reply.status(), reply.toString());
        List<Map<String, Object>> results = reply.list("results");
        assertEquals("Kubernetes deploy", results.get(0).get("title"));
        assertEquals(3, results.size());
        assertEquals(3, reply.body().get("total_results"));
        assertNotNull(reply.body().get("search_time_ms"));
        double previous = 2;
        for (Map<String, Object> result : results) {
            double score = ((Number) result.get("relevance_score")).doubleValue();
            assertTrue(score <= previous && score > 0 && score <= 1, results.toString());
            previous = score;
        }

        Api.Reply limited = api.post("/api/v1/memory/search", Map.of("query", "deploy", "limit", 1, "mode", "text"),
                key);
        assertEquals(1, limited.list("results").size());
        assertEquals(3, limited.body().get("total_results"));

        assertEquals(400, api.post("/api/v1/memory/search", Map.of("query", " "), key).status());
        assertEquals(400, api.post("/api/v1/memory/search", Map.of("query", "x", "threshold", 2), key).status());
    }

    @Test
    void statsCountByTypeAndSize() {
        create("a", "héllo", List.of());
        create("b", "world", List.of());

        Api.Reply stats = api.get("/api/v1/memory/stats", key);

        assertEquals(200, stats.status());
        assertEquals(2, stats.body().get("total_memories"));
        assertEquals(11, stats.body().get("total_size_bytes"), "UTF-8 bytes, é counts two");
        assertEquals(2, ((Map<?, ?>) stats.body().get("memories_by_type")).get("context"));
        assertEquals(List.of("b", "a"), titles(stats, "recent_memories"));
    }

    @Test
    void bulkDeleteReportsWhatItCouldNotDelete() {
        String mine = create("mine", "c", List.of());
        String[] otherKey = {"X-API-Key", api.apiKey(api.newAccount(), null)};
        String theirs = api.post("/api/v1/memory", Map.of("title", "theirs", "content", "c"), otherKey).string("id");

        Api.Reply reply = api.post("/api/v1/memory/bulk/delete",
                Map.of("memory_ids", List.of(mine, theirs, "not-a-uuid")), key);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(1, reply.body().get("deleted_count"));
        assertEquals(List.of("not-a-uuid", theirs), reply.body().get("failed_ids"));
        assertEquals(200, api.get("/api/v1/memory/" + theirs, otherKey).status(), "other tenant untouched");

        List<String> tooMany = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> tooMany.add(mine));
        assertEquals(400, api.post("/api/v1/memory/bulk/delete", Map.of("memory_ids", tooMany), key).status());
    }

    @Test
    void anotherUsersEntryIsNotFoundEverywhere() {
        String id = create("private", "secret plans", List.of("p"));
        String[] intruder = {"X-API-Key", api.apiKey(api.newAccount(), null)};

        assertEquals(404, api.get("/api/v1/memory/" + id, intruder).status());
        assertEquals(404, api.put("/api/v1/memory/" + id, Map.of("title", "mine now"), intruder).status());
        assertEquals(404, api.delete("/api/v1/memory/" + id, intruder).status());
        assertEquals(0L, total(api.get("/api/v1/memory", intruder)));
        assertEquals(0, api.post("/api/v1/memory/search", Map.of("query", "secret"), intruder).list("results").size());
        assertEquals("private", api.get("/api/v1/memory/" + id, key).string("title"));
    }

    @Test
    void updateValidatesAndNeedsAField() {
        String id = create("t", "c", List.of());

        assertEquals(400, api.put("/api/v1/memory/" + id, Map.of(), key).status());
        assertEquals(400, api.put("/api/v1/memory/" + id, Map.of("title", ""), key).status());
        assertEquals(400, api.get("/api/v1/memory/not-a-uuid", key).status());
        assertEquals("t", api.get("/api/v1/memory/" + id, key).string("title"));
    }

    @Test
    void everyMemoryRouteNeedsCredentials() {
        assertEquals(401, api.get("/api/v1/memory").status());
        assertEquals(401, api.post("/api/v1/memory", Map.of("title", "t", "content", "c")).status());
        assertEquals(401, api.get("/api/v1/memory/stats").status());
        assertEquals(401, api.post("/api/v1/memory/search", Map.of("query", "x")).status());
    }

    private String create(String title, String content, List<String> tags) {
        return create(title, "context", tags, content);
    }

    private String createTyped(String title, String type, List<String> tags) {
        return create(title, type, tags, "content of " + title);
    }

    private String create(String title, String type, List<String> tags, String content) {
        Api.Reply reply = api.post("/api/v1/memory", Map.of("title", title, "content", content, "type", type,
                "tags", tags), key);
        assertEquals(201, reply.status(), reply.toString());
        return reply.string("id");
    }

    private static List<Object> titles(Api.Reply reply) {
        return titles(reply, "memories");
    }

    private static List<Object> titles(Api.Reply reply, String field) {
        return reply.list(field).stream().map(entry -> entry.get("title")).toList();
    }

    private static long total(Api.Reply reply) {
        return ((Number) ((Map<?, ?>) reply.body().get("pagination")).get("total")).longValue();
    }
}
