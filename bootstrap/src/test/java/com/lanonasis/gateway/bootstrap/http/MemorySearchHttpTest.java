package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Memory search by meaning and by words over the real server, on the embedded default (H2 + Lucene). */
@MicronautTest
class MemorySearchHttpTest extends HttpTest {

    @Inject
    HikariDataSource database;

    private String[] key;

    @BeforeEach
    void freshUser() {
        key = new String[] {"X-API-Key", api.apiKey(api.newAccount(), null)};
    }

    @Test
    void meaningFindsWhatWordsMiss() {
        String deploy = create("Deploy notes", "Blue-green deploys: the new version takes traffic after its checks pass.");
        create("Lunch", "Soup on Mondays, pasta on Fridays.");
        create("Birthdays", "Anna's birthday is in May; she likes chocolate cake.");

        String question = "how do we ship releases?";
        assertEquals(deploy, first(search(question, "semantic")), "by meaning");
        assertEquals(deploy, first(search(question, "hybrid")), "hybrid, the default, too");
        assertEquals(deploy, first(api.post("/api/v1/memory/search", Map.of("query", question), key)));
        Api.Reply text = search(question, "text");
        assertEquals("text", text.string("search_mode"));
        assertTrue(text.list("results").isEmpty(), "no word in common: " + text);
        Api.Reply hybrid = search(question, "hybrid");
        assertEquals("hybrid", hybrid.string("search_mode"));
        for (Map<String, Object> result : hybrid.list("results")) {
            double score = ((Number) result.get("relevance_score")).doubleValue();
            assertTrue(score > 0 && score <= 1, hybrid.toString());
        }
    }

    @Test
    void theMcpToolAndItsLegacyAliasSearchTheSameWay() {
        String deploy = create("Deploy notes", "Blue-green deploys: the new version takes traffic after its checks pass.");
        create("Lunch", "Soup on Mondays, pasta on Fridays.");

        for (String tool : List.of("memory_search", "search_memories")) {
            Api.Reply called = api.post("/api/v1/tools/" + tool, Map.of("query", "how do we ship releases?",
                    "mode", "semantic"), key);
            assertEquals(200, called.status(), tool + ": " + called);
            Map<?, ?> found = (Map<?, ?>) called.body().get("structuredContent");
            assertEquals("semantic", found.get("search_mode"), tool);
            assertEquals(deploy, ((Map<?, ?>) ((List<?>) found.get("results")).get(0)).get("id"), tool);
            Api.Reply unknown = api.post("/api/v1/tools/" + tool, Map.of("query", "x", "mode", "fuzzy"), key);
            assertEquals(400, unknown.status(), tool + ": " + unknown);
        }
    }

    @Test
    void typesTagsAndThresholdApplyInEveryMode() {
        String tagged = create("Deploy notes", "We deploy blue-green.", "project", List.of("ops"));
        create("Deploy diary", "We deployed on Friday.", "context", List.of());
        for (String mode : List.of("hybrid", "semantic", "text")) {
            Api.Reply byType = api.post("/api/v1/memory/search", Map.of("query", "deploy", "mode", mode,
                    "types", List.of("project")), key);
            assertEquals(List.of(tagged), ids(byType), mode);
            Api.Reply byTag = api.post("/api/v1/memory/search", Map.of("query", "deploy", "mode", mode,
                    "tags", List.of("OPS")), key);
            assertEquals(List.of(tagged), ids(byTag), mode);
            Api.Reply strict = api.post("/api/v1/memory/search", Map.of("query", "deploy", "mode", mode,
                    "threshold", 0.9), key);
            assertEquals(strict.list("results").size(), strict.body().get("total_results"));
            for (Map<String, Object> result : strict.list("results")) {
                assertTrue(((Number) result.get("relevance_score")).doubleValue() >= 0.9, mode + ": " + strict);
            }
            Api.Reply impossible = api.post("/api/v1/memory/search", Map.of("query", "soup recipes", "mode", mode,
                    "threshold", 1), key);
            assertEquals(List.of(), impossible.list("results"), mode + ": " + impossible);
        }
    }

    @Test
    void aNearDuplicateIsReportedNeverMerged() {
        String first = create("Deploy notes", "We deploy blue-green: the new version takes traffic after checks.");

        Api.Reply again = api.post("/api/v1/memory", Map.of("title", "Deploy notes",
                "content", "We deploy blue-green: the new version takes traffic after checks."), key);
        Api.Reply different = api.post("/api/v1/memory", Map.of("title", "Lunch", "content", "Soup on Mondays."), key);

        assertEquals(201, again.status());
        Map<?, ?> duplicate = (Map<?, ?>) again.body().get("possible_duplicate_of");
        assertEquals(first, duplicate.get("id"));
        assertTrue(((Number) duplicate.get("similarity")).doubleValue() >= 0.95);
        assertFalse(again.string("id").equals(first), "stored as a new entry");
        assertFalse(different.body().containsKey("possible_duplicate_of"));
        Map<?, ?> page = (Map<?, ?>) api.get("/api/v1/memory", key).body().get("pagination");
        assertEquals(3, ((Number) page.get("total")).intValue());
    }

    @Test
    void anUpdateReEmbedsAndADeleteLeavesNothing() throws Exception {
        String id = create("Lunch", "Soup on Mondays, pasta on Fridays.");
        create("Birthdays", "Anna's birthday is in May.");
        assertEquals(1, vectorRows(id));

        api.put("/api/v1/memory/" + id, Map.of("title", "Releases", "content",
                "We deploy blue-green: the new version takes traffic after its checks pass."), key);
        assertEquals(id, first(search("how do we ship releases?", "semantic")), "found by its new meaning");

        assertEquals(204, api.delete("/api/v1/memory/" + id, key).status());
        assertEquals(0, vectorRows(id), "no vector left behind");
        assertFalse(ids(search("how do we ship releases?", "semantic")).contains(id));
    }

    @Test
    void badSearchesAreFieldErrors() {
        Map<String, Map<String, Object>> bad = Map.of(
                "query", Map.of("query", " "),
                "query ", Map.of("query", "word ".repeat(10_000)),
                "mode", Map.of("query", "x", "mode", "fuzzy"),
                "limit", Map.of("query", "x", "limit", 0),
                "limit ", Map.of("query", "x", "limit", 101),
                "threshold", Map.of("query", "x", "threshold", -0.1));
        bad.forEach((field, body) -> {
            Api.Reply reply = api.post("/api/v1/memory/search", body, key);
            assertEquals(400, reply.status(), field + ": " + reply);
            assertEquals("validation_failed", reply.string("error"), field);
            assertEquals(field.strip(), ((Map<?, ?>) reply.list("details").get(0)).get("field"), reply.toString());
        });
    }

    @Test
    void statusAndHealthSayHowSearchRuns() {
        Map<?, ?> search = (Map<?, ?>) api.get("/api/v1/status").body().get("search");
        assertEquals("hybrid", search.get("mode"));
        assertEquals("all-minilm-l6-v2-q", search.get("model"));
        assertEquals(384, search.get("dimensions"));
        Map<?, ?> checks = (Map<?, ?>) api.get("/health/full").body().get("checks");
        assertEquals("up", ((Map<?, ?>) checks.get("semantic-search")).get("status"));
        assertNull(((Map<?, ?>) checks.get("semantic-search")).get("error"));
    }

    /** Where the vectors live in this flavour. */
    String vectorTable() {
        return "memory_vectors";
    }

    private long vectorRows(String id) throws Exception {
        try (var connection = database.getConnection();
             var select = connection.prepareStatement("SELECT COUNT(*) FROM " + vectorTable() + " WHERE memory_id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Api.Reply search(String query, String mode) {
        Api.Reply reply = api.post("/api/v1/memory/search", Map.of("query", query, "mode", mode), key);
        assertEquals(200, reply.status(), reply.toString());
        return reply;
    }

    private static String first(Api.Reply reply) {
        return ids(reply).get(0);
    }

    private static List<String> ids(Api.Reply reply) {
        return reply.list("results").stream().map(result -> (String) result.get("id")).toList();
    }

    private String create(String title, String content) {
        return create(title, content, "context", List.of());
    }

    private String create(String title, String content, String type, List<String> tags) {
        Api.Reply created = api.post("/api/v1/memory", Map.of("title", title, "content", content, "type", type,
                "tags", tags), key);
        assertEquals(201, created.status(), created.toString());
        return created.string("id");
    }
}
