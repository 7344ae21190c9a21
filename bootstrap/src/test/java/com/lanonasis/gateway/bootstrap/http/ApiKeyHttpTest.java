package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class ApiKeyHttpTest extends HttpTest {

    @Test
    void createdKeyIsShownOnceAndListedWithoutItsSecret() {
        Api.Account account = api.newAccount();
        Api.Reply created = api.post("/api/v1/auth/api-keys", Map.of("name", "laptop", "expires_in", 3600),
                account.bearer());

        assertEquals(201, created.status(), created.toString());
        String key = created.string("key");
        String id = created.string("id");
        assertTrue(key.matches("pk_" + id + "\\.sk_[0-9A-Za-z]{43}"), key);
        assertEquals(List.of("memories:delete", "memories:read", "memories:write"), created.body().get("scopes"));
        Instant expires = Instant.parse(created.string("expires_at"));
        assertTrue(Duration.between(Instant.now(), expires).toMinutes() >= 58);
        assertEquals("no-store", created.header("Cache-Control"));

        Api.Reply listed = api.get("/api/v1/auth/api-keys", account.bearer());
        assertEquals(200, listed.status());
        assertFalse(listed.raw().contains(key.substring(key.indexOf(".sk_") + 4)), "secret listed");
        Map<String, Object> only = listed.list("api_keys").get(0);
        assertEquals(id, only.get("id"));
        assertEquals("laptop", only.get("name"));
        assertNull(only.get("last_used_at"));
        assertFalse(only.containsKey("key"));
    }

    @Test
    void useIsRecordedAsLastUsedAt() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, null);

        assertEquals(200, api.get("/api/v1/memory", "X-API-Key", key).status());

        Map<String, Object> listed = api.get("/api/v1/api-keys", account.bearer()).list("api_keys").get(0);
        assertNotNull(listed.get("last_used_at"));
    }

    @Test
    void revokedKeyStopsWorkingAtOnce() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, null);
        String id = key.substring(3, key.indexOf('.'));
        assertEquals(200, api.get("/api/v1/memory", "X-API-Key", key).status());

        assertEquals(204, api.delete("/api/v1/auth/api-keys/" + id, account.bearer()).status());

        Api.Reply after = api.get("/api/v1/memory", "X-API-Key", key);
        assertEquals(401, after.status());
        assertEquals("invalid_api_key", after.string("error"));
        assertEquals(404, api.delete("/api/v1/auth/api-keys/" + id, account.bearer()).status());
        assertTrue(api.get("/api/v1/auth/api-keys", account.bearer()).list("api_keys").isEmpty());
    }

    @Test
    void keyWithoutItsSecretHalfGetsAnExactMessage() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, null);

        Api.Reply reply = api.get("/api/v1/memory", "X-API-Key", key.substring(0, key.indexOf('.')));

        assertEquals(401, reply.status());
        assertEquals("api_key_secret_missing", reply.string("error"));
        assertTrue(reply.string("message").contains("pk_<id>.sk_<secret>"));
    }

    @Test
    void wrongSecretAndMalformedKeysAreRejected() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, null);
        String wrongSecret = key.substring(0, key.length() - 2) + (key.endsWith("aa") ? "bb" : "aa");

        assertEquals("invalid_api_key", api.get("/api/v1/memory", "X-API-Key", wrongSecret).string("error"));
        assertEquals("invalid_api_key", api.get("/api/v1/memory", "X-API-Key", "hello").string("error"));
        assertEquals(401, api.get("/api/v1/memory", "Authorization", "Bearer " + wrongSecret).status());
    }

    @Test
    void anotherUsersKeyCannotBeRevoked() {
        Api.Account owner = api.newAccount();
        Api.Account other = api.newAccount();
        String key = api.apiKey(owner, null);
        String id = key.substring(3, key.indexOf('.'));

        assertEquals(404, api.delete("/api/v1/auth/api-keys/" + id, other.bearer()).status());
        assertEquals(200, api.get("/api/v1/memory", "X-API-Key", key).status());
    }

    @Test
    void memoryOnlyKeyCannotManageKeys() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, List.of("memories:read"));

        Api.Reply reply = api.post("/api/v1/auth/api-keys", Map.of("name", "escalate"), "X-API-Key", key);

        assertEquals(403, reply.status());
        assertEquals("insufficient_scope", reply.string("error"));
        assertTrue(reply.header("WWW-Authenticate").contains("insufficient_scope"));
        assertEquals(403, api.post("/api/v1/memory", Map.of("title", "t", "content", "c"), "X-API-Key", key).status());
    }

    @Test
    void invalidKeyRequestsAreFieldErrors() {
        Api.Account account = api.newAccount();

        Api.Reply noName = api.post("/api/v1/auth/api-keys", Map.of("scopes", List.of("admin")), account.bearer());
        assertEquals(400, noName.status());
        assertEquals(List.of("name", "scopes"), noName.list("details").stream().map(d -> d.get("field")).toList());

        Api.Reply badExpiry = api.post("/api/v1/auth/api-keys", Map.of("name", "x", "expires_in", 5), account.bearer());
        assertEquals(400, badExpiry.status());
        assertEquals("expires_in", badExpiry.list("details").get(0).get("field"));
    }

    @Test
    void creatingAKeyNeedsCredentials() {
        assertEquals(401, api.post("/api/v1/auth/api-keys", Map.of("name", "x")).status());
    }
}
