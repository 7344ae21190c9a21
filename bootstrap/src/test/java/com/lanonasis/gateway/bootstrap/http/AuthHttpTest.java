package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest
class AuthHttpTest extends HttpTest {

    @Test
    void registerAnswersTheUserWithoutThePassword() {
        String email = "New.User-" + UUID.randomUUID() + "@Example.com";
        Api.Reply reply = api.post("/v1/auth/register",
                Map.of("email", email, "password", "long enough 1", "name", "  Ada  "));

        assertEquals(201, reply.status(), reply.toString());
        assertEquals(email.toLowerCase(), reply.string("email"));
        assertEquals("Ada", reply.string("name"));
        assertEquals("user", reply.string("role"));
        assertNotNull(UUID.fromString(reply.string("id")));
        assertFalse(reply.raw().contains("long enough 1"), "password echoed");
        assertFalse(reply.raw().contains("argon2"), "hash echoed");
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        Api.Account account = api.newAccount();
        Api.Reply reply = api.post("/v1/auth/register",
                Map.of("email", account.email().toUpperCase(), "password", "another pass 2"));

        assertEquals(409, reply.status());
        assertEquals("email_taken", reply.string("error"));
        assertNotNull(reply.string("request_id"));
    }

    @Test
    void invalidRegistrationListsEveryBadField() {
        Api.Reply reply = api.post("/api/v1/auth/register", Map.of("email", "not-an-email", "password", "short"));

        assertEquals(400, reply.status());
        assertEquals("validation_failed", reply.string("error"));
        List<Map<String, Object>> details = reply.list("details");
        assertEquals(List.of("email", "password"), details.stream().map(d -> d.get("field")).toList());
    }

    @Test
    void loginIssuesABearerTokenThatVerifies() {
        Api.Account account = api.newAccount();
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", account.email(), "password", account.password()));

        assertEquals(200, login.status());
        assertEquals("Bearer", login.string("token_type"));
        assertEquals(1800, ((Number) login.body().get("expires_in")).intValue());
        assertEquals("no-store", login.header("Cache-Control"));
        assertEquals(account.email(), ((Map<?, ?>) login.body().get("user")).get("email"));
        String token = login.string("access_token");
        assertEquals(3, token.split("\\.").length, "a compact JWS");

        Api.Reply verified = api.post("/v1/auth/verify", Map.of("token", token));
        assertEquals(200, verified.status(), verified.toString());
        assertEquals(true, verified.body().get("valid"));
        assertEquals(account.id(), ((Map<?, ?>) verified.body().get("user")).get("id"));

        Api.Reply byHeader = api.post("/v1/auth/verify", null, "Authorization", "Bearer " + token);
        assertEquals(200, byHeader.status(), byHeader.toString());
    }

    @Test
    void cliLoginIsTheSameFlow() {
        Api.Account account = api.newAccount();
        Api.Reply login = api.post("/auth/cli-login", Map.of("email", account.email(), "password", account.password()));

        assertEquals(200, login.status());
        Api.Reply session = api.get("/v1/auth/session", "Authorization", "Bearer " + login.string("access_token"));
        assertEquals(200, session.status());
        assertEquals("user_token", session.string("auth_method"));
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheIdenticalAnswer() {
        Api.Account account = api.newAccount();
        Api.Reply wrongPassword = api.post("/v1/auth/login",
                Map.of("email", account.email(), "password", "wrong password 9"));
        Api.Reply unknownEmail = api.post("/v1/auth/login",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "wrong password 9"));

        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownEmail.status());
        assertEquals(withoutRequestId(wrongPassword.body()), withoutRequestId(unknownEmail.body()));
        assertEquals("invalid_credentials", wrongPassword.string("error"));
    }

    @Test
    void sessionNeedsCredentials() {
        Api.Reply reply = api.get("/v1/auth/session");

        assertEquals(401, reply.status());
        assertEquals("authentication_required", reply.string("error"));
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void forgedOrGarbageTokensAreRejected() {
        Api.Account account = api.newAccount();
        String[] parts = account.token().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        Api.Reply forgedReply = api.get("/v1/auth/session", "Authorization", "Bearer " + forged);
        Api.Reply garbage = api.post("/v1/auth/verify", Map.of("token", "not-a-token"));

        assertEquals(401, forgedReply.status());
        assertEquals("invalid_token", forgedReply.string("error"));
        assertEquals(401, garbage.status());
    }

    @Test
    void sessionWorksWithAnApiKeyToo() {
        Api.Account account = api.newAccount();
        String key = api.apiKey(account, null);

        Api.Reply session = api.get("/api/v1/auth/session", "X-API-Key", key);

        assertEquals(200, session.status(), session.toString());
        assertEquals("api_key", session.string("auth_method"));
        assertEquals(account.email(), ((Map<?, ?>) session.body().get("user")).get("email"));
    }

    private static Map<String, Object> withoutRequestId(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove("request_id");
        return copy;
    }
}
