package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document the service serves describes what it really answers: real responses of the
 * memory, API-key and account endpoints (successes and errors) are validated against the schema the
 * document gives for that path, method and status. Validation is strict: a field the server sends
 * that the document does not declare fails, as does an undocumented status.
 */
@MicronautTest
class OpenApiHttpTest extends HttpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        Api.Reply served = api.get("/api/v1/openapi.yml");
        assertEquals(200, served.status(), served.toString());
        assertTrue(served.header("Content-Type").startsWith("application/yaml"), served.header("Content-Type"));
        document = MAPPER.valueToTree(new Yaml().load(served.raw()));
    }

    @Test
    void isOpenApi31AndDescribesTheRestApiNotThePages() {
        assertEquals("3.1.0", document.path("openapi").asText());
        JsonNode paths = document.path("paths");
        for (String documented : List.of("/api/v1/memory", "/api/v1/memory/{id}", "/api/v1/memory/search",
                "/api/v1/auth/api-keys", "/api/v1/auth/register", "/oauth/token", "/oauth/introspect")) {
            assertTrue(paths.has(documented), documented + " is documented");
        }
        for (String page : List.of("/web/login", "/oauth/authorize", "/oauth/authorize/consent", "/assets/onasis.css",
                "/api/v1/openapi.yml")) {
            assertFalse(paths.has(page), page + " is a page or the document itself, not API");
        }
        assertTrue(document.at("/components/securitySchemes/apiKey").isObject(), "the API-key scheme is declared");
    }

    @Test
    void memoryAndKeyResponsesMatchTheDocument() {
        Api.Account account = api.newAccount();
        Api.Reply key = api.post("/api/v1/auth/api-keys", Map.of("name", "openapi", "scopes",
                List.of("memories:read", "memories:write")), account.bearer());
        conforms("/api/v1/auth/api-keys", "post", key);
        conforms("/api/v1/auth/api-keys", "get", api.get("/api/v1/auth/api-keys", account.bearer()));
        String[] apiKey = {"X-API-Key", key.string("key")};
        String[] fullKey = {"X-API-Key", api.apiKey(account, List.of("memories:read", "memories:write",
                "memories:delete"))};

        Api.Reply created = api.post("/api/v1/memory", Map.of("title", "Deploy notes", "content", "We deploy blue-green",
                "memory_type", "project", "tags", List.of("ops"), "metadata", Map.of("source", "test")), apiKey);
        conforms("/api/v1/memory", "post", created);
        String id = created.string("id");
        String entry = "/api/v1/memory/{id}";
        Api.Reply repeated = api.post("/api/v1/memory", Map.of("title", "Deploy notes",
                "content", "We deploy blue-green"), apiKey);
        assertTrue(repeated.body().containsKey("possible_duplicate_of"), repeated.toString());
        conforms("/api/v1/memory", "post", repeated);
        conforms(entry, "get", api.get("/api/v1/memory/" + id, apiKey));
        conforms(entry, "put", api.put("/api/v1/memory/" + id, Map.of("title", "Deploy runbook"), apiKey));
        conforms("/api/v1/memory", "get", api.get("/api/v1/memory?limit=5", apiKey));
        conforms("/api/v1/memory/search", "post", api.post("/api/v1/memory/search", Map.of("query", "deploy"), apiKey));
        conforms("/api/v1/memory/stats", "get", api.get("/api/v1/memory/stats", apiKey));
        conforms(entry, "delete", api.delete("/api/v1/memory/" + id, apiKey));
        conforms(entry, "delete", api.delete("/api/v1/memory/" + id, fullKey));
        conforms("/api/v1/memory/bulk/delete", "post",
                api.post("/api/v1/memory/bulk/delete", Map.of("memory_ids", List.of(id)), fullKey));

        conforms(entry, "get", api.get("/api/v1/memory/" + id, apiKey));
        conforms("/api/v1/memory", "post", api.post("/api/v1/memory", Map.of("title", ""), apiKey));
        conforms("/api/v1/memory", "post", api.post("/api/v1/memory", "{not json", apiKey));
        conforms("/api/v1/memory", "get", api.get("/api/v1/memory", "X-API-Key", "pk_unknown.sk_wrong"));
        conforms("/api/v1/auth/api-keys/{id}", "delete", api.delete("/api/v1/auth/api-keys/" + key.string("id"),
                account.bearer()));
    }

    @Test
    void aResponseTheDocumentDoesNotDescribeIsCaught() {
        Api.Reply created = api.post("/api/v1/memory", Map.of("title", "t", "content", "c"),
                "X-API-Key", api.apiKey(api.newAccount(), null));
        JsonNode body = read(created.raw());
        ((ObjectNode) body).put("undeclared_field", 1);
        assertFalse(errors("/api/v1/memory", "post", "201", body).isEmpty(), "a field the document lacks fails");
        assertFalse(responseOf("/api/v1/memory", "post", "418").isObject(), "an unknown status is not documented");
    }

    /** The reply's status is documented for the operation, and its JSON body validates against that schema. */
    private void conforms(String path, String method, Api.Reply reply) {
        String status = String.valueOf(reply.status());
        String where = method.toUpperCase(Locale.ROOT) + " " + path + " " + status;
        assertTrue(responseOf(path, method, status).isObject(), where + " is not documented; body: " + reply.raw());
        if (reply.raw().isEmpty()) {
            assertTrue(responseOf(path, method, status).path("content").isMissingNode(), where + " documents a body");
            return;
        }
        List<Error> problems = errors(path, method, status, read(reply.raw()));
        assertTrue(problems.isEmpty(), where + " does not match the document: " + problems + "\nbody: " + reply.raw());
    }

    private JsonNode responseOf(String path, String method, String status) {
        return document.path("paths").path(path).path(method).path("responses").path(status);
    }

    private List<Error> errors(String path, String method, String status, JsonNode body) {
        JsonNode schema = responseOf(path, method, status).path("content").path("application/json").path("schema");
        assertTrue(schema.isObject(), method + " " + path + " " + status + " documents no JSON body");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) schema.deepCopy());
        JsonNode components = document.path("components").deepCopy();
        closeObjects(components.path("schemas"));
        root.set("components", components);
        return SCHEMAS.getSchema(root.toString(), InputFormat.JSON).validate(body);
    }

    /** Every object schema of the document is made closed, so an undeclared field is an error. */
    private static void closeObjects(JsonNode schemas) {
        schemas.forEach(schema -> {
            if (schema.has("properties") && !schema.has("additionalProperties")) {
                ((ObjectNode) schema).put("additionalProperties", false);
            }
        });
    }

    private static JsonNode read(String raw) {
        try {
            return MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + raw, e);
        }
    }
}
