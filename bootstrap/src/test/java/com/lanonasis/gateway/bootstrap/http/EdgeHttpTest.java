package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every route shares: health, JSON errors with stable codes, request ids, body limits. */
@MicronautTest
class EdgeHttpTest extends HttpTest {

    @Test
    void healthAnswersOnBothPaths() {
        for (String path : new String[] {"/health", "/api/v1/health"}) {
            Api.Reply reply = api.get(path);
            assertEquals(200, reply.status());
            assertEquals("ok", reply.string("status"));
        }
    }

    @Test
    void unknownRouteIsAJsonNotFound() {
        Api.Reply reply = api.get("/api/v1/nothing-here");

        assertEquals(404, reply.status());
        assertEquals("not_found", reply.string("error"));
        assertNotNull(reply.string("request_id"));
    }

    @Test
    void malformedJsonIsABadRequestAndWritesNothing() {
        String[] key = {"X-API-Key", api.apiKey(api.newAccount(), null)};

        Api.Reply reply = api.post("/api/v1/memory", "{\"title\": \"t\", \"content\": ", key);

        assertEquals(400, reply.status(), reply.toString());
        assertEquals("malformed_json", reply.string("error"));
        assertEquals(0, total(api.get("/api/v1/memory", key)));
    }

    @Test
    void wrongJsonTypesAreBadRequests() {
        String[] key = {"X-API-Key", api.apiKey(api.newAccount(), null)};

        for (String body : new String[] {"{\"title\": \"t\", \"content\": \"c\", \"tags\": {\"a\": 1}}", "[]",
                "\"text\"", "{\"title\": \"t\", \"content\": \"c\", \"metadata\": [1]}"}) {
            Api.Reply reply = api.post("/api/v1/memory", body, key);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertEquals("malformed_json", reply.string("error"), body);
        }
        assertEquals(0, total(api.get("/api/v1/memory", key)));

        Api.Reply missing = api.post("/api/v1/memory", null, key);
        assertEquals(400, missing.status());
        assertEquals("missing_body", missing.string("error"));
    }

    @Test
    void oversizedBodyIsRejectedWith413() {
        String[] key = {"X-API-Key", api.apiKey(api.newAccount(), null)};
        String huge = "{\"title\": \"t\", \"content\": \"" + "x".repeat(1_100_000) + "\"}";

        Api.Reply reply = api.post("/api/v1/memory", huge, key);

        assertEquals(413, reply.status(), reply.raw().length() > 300 ? reply.raw().substring(0, 300) : reply.raw());
        assertEquals("payload_too_large", reply.string("error"));
        assertEquals(0, total(api.get("/api/v1/memory", key)));
    }

    @Test
    void oversizedHeaderIsA431NotABodyError() {
        Api.Reply reply = api.get("/api/v1/memory", "X-API-Key", "pk_" + "a".repeat(20_000));

        assertEquals(431, reply.status(), reply.raw());
        assertEquals("header_too_large", reply.string("error"));
    }

    @Test
    void oversizedUrlIsA414NotABodyError() {
        Api.Reply reply = api.get("/api/v1/memory?q=" + "a".repeat(9_000));

        assertEquals(414, reply.status(), reply.raw());
        assertEquals("uri_too_long", reply.string("error"));
    }

    @Test
    void wrongMethodIsAJson405() {
        Api.Reply reply = api.send(HttpMethod.DELETE, "/health", null);

        assertEquals(405, reply.status());
        assertEquals("method_not_allowed", reply.string("error"));
    }

    @Test
    void requestIdIsKeptWhenWellFormedAndMadeOtherwise() {
        Api.Reply kept = api.get("/api/v1/nope", "X-Request-ID", "trace-12345678");
        assertEquals("trace-12345678", kept.header("X-Request-ID"));
        assertEquals("trace-12345678", kept.string("request_id"));

        Api.Reply replaced = api.get("/health", "X-Request-ID", "bad id with spaces");
        assertNotNull(replaced.header("X-Request-ID"));
        assertFalse(replaced.header("X-Request-ID").contains(" "));

        Api.Reply made = api.get("/health");
        assertTrue(made.header("X-Request-ID").length() >= 8);
    }

    @Test
    void errorsNeverEchoSubmittedSecrets() {
        Api.Reply reply = api.post("/v1/auth/login", Map.of("email", "nobody@example.com", "password", "hunter2hunter2"));

        assertEquals(401, reply.status());
        assertFalse(reply.raw().contains("hunter2hunter2"));
    }

    private static long total(Api.Reply reply) {
        return ((Number) ((Map<?, ?>) reply.body().get("pagination")).get("total")).longValue();
    }
}
