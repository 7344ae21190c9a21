package com.lanonasis.gateway.adapters.mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Schema checker of tool arguments: every problem at once, in words a model can act on. */
class SchemaTest {

    private final Map<String, Object> schema = Schema.object()
            .string("title", "a title", 1, 5)
            .oneOf("type", "a kind", List.of("context", "project"))
            .integer("limit", "how many", 1, 100)
            .number("threshold", "how close", 0, 1)
            .strings("tags", "labels", 2, 3)
            .freeObject("metadata", "anything")
            .require("title")
            .build();

    @Test
    void argumentsThatFitHaveNoProblems() {
        assertEquals(List.of(), Schema.problems(schema, Map.of("title", "héllo", "type", "context", "limit", 10,
                "threshold", 0.5, "tags", List.of("a", "bcd"), "metadata", Map.of("k", 1))));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = Schema.problems(schema, Map.of("type", "other", "limit", 2.5, "threshold", 2,
                "tags", List.of("a", "b", "toolong"), "metadata", "text", "colour", "red"));

        assertEquals(List.of("title is required"), problems.subList(0, 1));
        assertEquals(true, problems.contains("type must be one of [context, project]"), problems.toString());
        assertEquals(true, problems.contains("limit must be a whole number"), problems.toString());
        assertEquals(true, problems.contains("threshold must be at most 1.0"), problems.toString());
        assertEquals(true, problems.contains("tags must have at most 2 items"), problems.toString());
        assertEquals(true, problems.contains("tags[2] must have at most 3 characters"), problems.toString());
        assertEquals(true, problems.contains("metadata must be a JSON object"), problems.toString());
        assertEquals(true, problems.stream().anyMatch(p -> p.startsWith("unknown argument colour")), problems.toString());
        assertEquals(8, problems.size(), problems.toString());
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        assertEquals(List.of(), Schema.problems(schema, Map.of("title", "😀😀😀😀😀")));
        assertEquals(List.of("title must have at most 5 characters"),
                Schema.problems(schema, Map.of("title", "😀😀😀😀😀😀")));
        assertEquals(List.of("title must have at least 1 character"), Schema.problems(schema, Map.of("title", "")));
    }
}
