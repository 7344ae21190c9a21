package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: unsafe or unbounded input is refused with {@code validation_failed} naming the field,
 * and nothing is stored: NUL, escape and other control characters, bidirectional overrides and
 * lone surrogates in titles, tags, content, e-mails and names; metadata past 16 KB, 8 levels or
 * 100 keys.
 */
@MicronautTest
class InputLimitsHttpTest extends HttpTest {

    private Api.Reply create(Api.Account account, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "a title", "content", "some content"));
        body.putAll(fields);
        return api.post("/api/v1/memory", body, account.bearer());
    }

    private void refused(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("validation_failed", reply.string("error"));
        List<Map<String, Object>> details = reply.list("details");
        assertTrue(details != null && details.stream().anyMatch(detail -> field.equals(detail.get("field"))),
                "details name " + field + ": " + reply);
    }

    @Test
    void controlAndBidiCharactersAreRefusedInEveryTextField() {
        Api.Account account = api.newAccount();
        String[] unsafe = {"nul\u0000byte", "esc\u001b[31mred", "c1\u0085", "del\u007f", "rtl\u202eoverride",
                "isolate\u2066x\u2069"};
        for (String text : unsafe) {
            refused(create(account, Map.of("title", text)), "title");
            refused(create(account, Map.of("content", text)), "content");
            refused(create(account, Map.of("tags", List.of("ok", text))), "tags");
            refused(create(account, Map.of("metadata", Map.of("note", text))), "metadata");
            refused(create(account, Map.of("metadata", Map.of(text, "value"))), "metadata");
        }
        refused(create(account, Map.of("title", "line\nbreak")), "title");
        Api.Reply lone = api.post("/api/v1/memory", "{\"title\":\"lone \\ud800 surrogate\",\"content\":\"x\"}",
                account.bearer());
        assertEquals(400, lone.status(), "a JSON escape of half a character: " + lone);
        assertEquals(0, ((Map<?, ?>) api.get("/api/v1/memory", account.bearer()).body().get("pagination"))
                .get("total"), "nothing was stored");

        Api.Reply multiline = create(account, Map.of("content", "tabs\tand\nlines\r\nare fine, as is \u05e9\u05dc\u05d5\u05dd"));
        assertEquals(201, multiline.status(), multiline.toString());
    }

    @Test
    void anEditIsCheckedLikeACreation() {
        Api.Account account = api.newAccount();
        Api.Reply created = create(account, Map.of());
        assertEquals(201, created.status(), created.toString());
        String id = created.string("id");

        refused(api.put("/api/v1/memory/" + id, Map.of("title", "evil\u202etxt.exe"), account.bearer()), "title");
        refused(api.put("/api/v1/memory/" + id, Map.of("metadata", Map.of("k", "x".repeat(17_000))),
                account.bearer()), "metadata");
        assertEquals("a title", api.get("/api/v1/memory/" + id, account.bearer()).string("title"), "unchanged");
    }

    @Test
    void metadataIsBoundedInSizeDepthAndKeys() {
        Api.Account account = api.newAccount();
        refused(create(account, Map.of("metadata", Map.of("blob", "x".repeat(16 * 1024)))), "metadata");

        Map<String, Object> deep = new HashMap<>(Map.of("leaf", 1));
        for (int level = 0; level < 8; level++) {
            deep = new HashMap<>(Map.of("level", deep));
        }
        refused(create(account, Map.of("metadata", deep)), "metadata");

        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("key" + i, i);
        }
        refused(create(account, Map.of("metadata", many)), "metadata");

        many.remove("key100");
        Map<String, Object> sevenDeep = new HashMap<>(Map.of("leaf", List.of(1, 2)));
        for (int level = 0; level < 5; level++) {
            sevenDeep = new HashMap<>(Map.of("level", sevenDeep));
        }
        assertEquals(201, create(account, Map.of("metadata", many)).status(), "100 keys are fine");
        Api.Reply nested = create(account, Map.of("metadata", sevenDeep));
        assertEquals(201, nested.status(), "seven levels are fine: " + nested);
        assertEquals(201, create(account, Map.of("metadata", Map.of("blob", "x".repeat(15 * 1024)))).status());
    }

    @Test
    void registrationRefusesUnsafeEmailsAndNames() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        refused(api.post("/v1/auth/register", Map.of("email", "\u202e" + email, "password", "long enough pass"),
                "X-Forwarded-For", "10.1.1.1"), "email");
        refused(api.post("/v1/auth/register", Map.of("email", email.replace("@", "\u0000@"), "password",
                "long enough pass")), "email");
        refused(api.post("/v1/auth/register", Map.of("email", email, "password", "long enough pass", "name",
                "Ada\u001b[2J")), "name");
        assertEquals(201, api.post("/v1/auth/register", Map.of("email", email, "password", "long enough pass",
                "name", "Ada Lovelace")).status(), "nothing was stored by the refused attempts");
    }
}
