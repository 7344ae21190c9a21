package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the first administrator comes from ONASIS_ADMIN_EMAILS, and administrators manage
 * accounts through /api/v1/admin; every action lands in the audit log, which they can read.
 */
@MicronautTest
@Property(name = "onasis.admin.emails", value = "Root@Admin.Example.com, second@admin.example.com")
class AdminHttpTest extends HttpTest {

    @Inject
    HikariDataSource database;

    private Api.Account admin;

    @BeforeEach
    void firstAdmin() {
        admin = account("root@admin.example.com");
    }

    /** The configured address: registered by the first test of the class, signed in by the others. */
    private Api.Account account(String email) {
        String password = "admin password of " + email;
        Api.Reply registered = api.post("/v1/auth/register", Map.of("email", email, "password", password));
        assertTrue(registered.status() == 201 || registered.status() == 409, registered.toString());
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", email, "password", password));
        assertEquals(200, login.status(), login.toString());
        String id = (String) ((Map<?, ?>) login.body().get("user")).get("id");
        return new Api.Account(id, email, password, login.string("access_token"));
    }

    /** Where the tables are: Neon keeps them in its own schema. */
    String schema() {
        return "";
    }

    @Test
    void aConfiguredAddressRegistersAsAdminAndOthersAsUsers() {
        Api.Reply session = api.get("/v1/auth/session", admin.bearer());
        assertEquals("admin", ((Map<?, ?>) session.body().get("user")).get("role"), session.toString());
        assertTrue(((List<?>) session.body().get("scopes")).contains("admin"));

        Api.Account user = api.newAccount();
        Api.Reply userSession = api.get("/v1/auth/session", user.bearer());
        assertEquals("user", ((Map<?, ?>) userSession.body().get("user")).get("role"));

        Api.Reply refused = api.get("/api/v1/admin/users", user.bearer());
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("insufficient_scope", refused.string("error"));
        assertEquals(401, api.get("/api/v1/admin/users").status(), "no credential");
        assertEquals(403, api.post("/api/v1/admin/users/" + admin.id() + "/disable", Map.of(), user.bearer())
                .status());
        assertEquals(403, api.get("/api/v1/admin/audit", user.bearer()).status());
    }

    @Test
    void anAdminKeyWithoutTheAdminScopeIsNotEnough() {
        String key = api.apiKey(admin, List.of("memories:read"));
        Api.Reply refused = api.get("/api/v1/admin/users", "X-API-Key", key);
        assertEquals(403, refused.status(), refused.toString());
        String adminKey = api.apiKey(admin, List.of("admin"));
        assertEquals(200, api.get("/api/v1/admin/users", "X-API-Key", adminKey).status());
    }

    @Test
    void searchByEmailSubstringWithPaging() {
        String marker = "find-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            api.post("/v1/auth/register", Map.of("email", marker + "-" + i + "@example.com",
                    "password", "correct horse " + UUID.randomUUID()));
        }
        Api.Reply first = api.get("/api/v1/admin/users?email=" + marker.toUpperCase() + "&limit=2&page=1",
                admin.bearer());
        assertEquals(200, first.status(), first.toString());
        assertEquals("no-store", first.header("Cache-Control"));
        List<Map<String, Object>> users = first.list("users");
        assertEquals(2, users.size(), first.toString());
        assertEquals(marker + "-0@example.com", users.get(0).get("email"));
        assertEquals(false, users.get(0).get("disabled"));
        assertFalse(first.raw().contains("password"), "no hash in the view");
        List<Map<String, Object>> second = api.get("/api/v1/admin/users?email=" + marker + "&limit=2&page=2",
                admin.bearer()).list("users");
        assertEquals(List.of(marker + "-2@example.com"), second.stream().map(u -> u.get("email")).toList());
        assertEquals(0, api.get("/api/v1/admin/users?email=%25&limit=5", admin.bearer()).list("users").size(),
                "a % is a literal character, not a wildcard");

        for (String bad : List.of("?limit=0", "?limit=201", "?page=0", "?page=x", "?limit=1e3")) {
            Api.Reply reply = api.get("/api/v1/admin/users" + bad, admin.bearer());
            assertEquals(400, reply.status(), bad + " " + reply);
            assertEquals("validation_failed", reply.string("error"));
        }
    }

    @Test
    void disablingStopsEveryCredentialAtOnceAndEnablingRestoresKeys() {
        Api.Account user = api.newAccount();
        String key = api.apiKey(user, null);
        assertEquals(200, api.get("/api/v1/memory", user.bearer()).status());

        Api.Reply disabled = api.post("/api/v1/admin/users/" + user.id() + "/disable", Map.of(), admin.bearer());
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals(true, disabled.body().get("disabled"));

        assertEquals(401, api.get("/api/v1/memory", user.bearer()).status(), "login token");
        assertEquals(401, api.get("/api/v1/memory", "X-API-Key", key).status(), "API key");
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", user.email(), "password", user.password()));
        assertEquals(403, login.status(), login.toString());
        assertEquals("account_disabled", login.string("error"));
        Api.Reply wrong = api.post("/v1/auth/login", Map.of("email", user.email(), "password", "wrong password 1"));
        assertEquals(401, wrong.status(), "a wrong password says nothing about the account");

        Api.Reply enabled = api.post("/api/v1/admin/users/" + user.id() + "/enable", Map.of(), admin.bearer());
        assertEquals(200, enabled.status(), enabled.toString());
        assertEquals(false, enabled.body().get("disabled"));
        assertEquals(200, api.get("/api/v1/memory", "X-API-Key", key).status(), "keys were suspended, not revoked");
        assertEquals(200, api.post("/v1/auth/login", Map.of("email", user.email(), "password", user.password()))
                .status());
    }

    @Test
    void roleChangesTakeEffectAtTheNextUseAndAdminsCannotChangeThemselves() {
        Api.Account user = api.newAccount();
        Api.Reply promoted = api.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "admin"),
                admin.bearer());
        assertEquals(200, promoted.status(), promoted.toString());
        assertEquals("admin", promoted.string("role"));
        String relogin = api.post("/v1/auth/login", Map.of("email", user.email(), "password", user.password()))
                .string("access_token");
        assertEquals(200, api.get("/api/v1/admin/users", "Authorization", "Bearer " + relogin).status());

        Api.Reply demoted = api.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "user"),
                admin.bearer());
        assertEquals(200, demoted.status());
        assertEquals(403, api.get("/api/v1/admin/users", "Authorization", "Bearer " + relogin).status(),
                "the token minted while admin lost admin at once");

        Api.Reply bad = api.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "root"), admin.bearer());
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("validation_failed", bad.string("error"));
        for (String path : List.of("/role")) {
            Api.Reply self = api.put("/api/v1/admin/users/" + admin.id() + path, Map.of("role", "user"),
                    admin.bearer());
            assertEquals(409, self.status(), self.toString());
            assertEquals("own_account", self.string("error"));
        }
        assertEquals(409, api.post("/api/v1/admin/users/" + admin.id() + "/disable", Map.of(), admin.bearer())
                .status());
        assertEquals(409, api.delete("/api/v1/admin/users/" + admin.id(), admin.bearer()).status());
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "%20")) {
            Api.Reply missing = api.get("/api/v1/admin/users/" + id, admin.bearer());
            assertEquals(404, missing.status(), id + " " + missing);
            assertEquals("not_found", missing.string("error"));
            assertEquals(404, api.post("/api/v1/admin/users/" + id + "/disable", Map.of(), admin.bearer()).status());
        }
    }

    @Test
    void deletingAnAccountRemovesItsMemoriesKeysAndCredentials() throws Exception {
        Api.Account user = api.newAccount();
        String key = api.apiKey(user, null);
        for (int i = 0; i < 2; i++) {
            assertEquals(201, api.post("/api/v1/memory", Map.of("title", "t" + i, "content", "c" + i),
                    user.bearer()).status());
        }
        Api.Account bystander = api.newAccount();
        assertEquals(201, api.post("/api/v1/memory", Map.of("title", "kept", "content", "kept"),
                bystander.bearer()).status());

        Api.Reply deleted = api.delete("/api/v1/admin/users/" + user.id(), admin.bearer());
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(2, ((Number) deleted.body().get("memories_deleted")).intValue());

        assertEquals(401, api.get("/api/v1/memory", user.bearer()).status());
        assertEquals(401, api.get("/api/v1/memory", "X-API-Key", key).status());
        assertEquals(404, api.get("/api/v1/admin/users/" + user.id(), admin.bearer()).status());
        assertEquals(0, count("SELECT COUNT(*) FROM " + schema() + "memory_entries WHERE user_id = ?", user.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM " + schema() + "api_keys WHERE user_id = ?", user.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM " + schema() + "memory_entries WHERE user_id = ?", bystander.id()));
        assertEquals(404, api.delete("/api/v1/admin/users/" + user.id(), admin.bearer()).status(), "only once");
        assertEquals(201, api.post("/v1/auth/register", Map.of("email", user.email(), "password",
                "correct horse " + UUID.randomUUID())).status(), "the address is free again");
    }

    @Test
    void everyAdminActionIsAuditedAndTheLogIsQueryable() {
        Api.Account user = api.newAccount();
        String key = api.apiKey(user, null);
        String keyId = key.substring(3, key.indexOf('.'));
        assertEquals(204, api.delete("/api/v1/auth/api-keys/" + keyId, user.bearer()).status());
        api.post("/api/v1/admin/users/" + user.id() + "/disable", Map.of(), admin.bearer());
        api.post("/api/v1/admin/users/" + user.id() + "/enable", Map.of(), admin.bearer());
        api.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "admin"), admin.bearer());

        Api.Reply all = api.get("/api/v1/admin/audit?user=" + user.id() + "&limit=50", admin.bearer());
        assertEquals(200, all.status(), all.toString());
        List<Object> types = all.list("events").stream().map(e -> e.get("type")).toList();
        for (String expected : List.of("USER_REGISTERED", "API_KEY_CREATED", "API_KEY_REVOKED", "USER_DISABLED",
                "USER_ENABLED", "ROLE_CHANGED")) {
            assertTrue(types.contains(expected), expected + " in " + types);
        }
        assertEquals("ROLE_CHANGED", types.get(0), "newest first: " + types);
        Map<String, Object> roleChange = all.list("events").get(0);
        assertEquals(Map.of("from", "user", "to", "admin", "by", admin.id(), "credential", "user_token"),
                roleChange.get("details"));

        Api.Reply reads = api.get("/api/v1/admin/audit?type=ADMIN_VIEWED", admin.bearer());
        assertTrue(reads.list("events").stream().anyMatch(e -> Map.of("action", "audit.query", "by", admin.id(),
                "credential", "user_token").equals(e.get("details"))), "reads are audited too: " + reads);

        Api.Reply typed = api.get("/api/v1/admin/audit?user=" + user.id() + "&type=user_disabled", admin.bearer());
        assertEquals(1, typed.list("events").size(), typed.toString());
        Api.Reply paged = api.get("/api/v1/admin/audit?user=" + user.id() + "&limit=2&page=2", admin.bearer());
        assertEquals(2, paged.list("events").size());
        assertEquals(types.get(2), paged.list("events").get(0).get("type"));
        Api.Reply future = api.get("/api/v1/admin/audit?from=2999-01-01T00:00:00Z", admin.bearer());
        assertEquals(0, future.list("events").size());
        Api.Reply window = api.get("/api/v1/admin/audit?user=" + user.id() + "&from=2000-01-01T00:00:00Z&to="
                + java.time.Instant.now().plusSeconds(60), admin.bearer());
        assertEquals(types.size(), window.list("events").size());

        for (String bad : List.of("?type=nope", "?from=yesterday", "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                "?limit=500", "?page=-1")) {
            Api.Reply reply = api.get("/api/v1/admin/audit" + bad, admin.bearer());
            assertEquals(400, reply.status(), bad + " " + reply);
            assertEquals("validation_failed", reply.string("error"));
        }

        Api.Reply own = api.get("/api/v1/auth/audit", user.bearer());
        assertEquals(200, own.status(), own.toString());
        assertTrue(own.list("events").stream().allMatch(e -> user.id().equals(e.get("user_id"))), own.toString());
        assertTrue(own.list("events").stream().anyMatch(e -> "API_KEY_CREATED".equals(e.get("type"))));
        Api.Reply notMine = api.get("/api/v1/auth/audit?user=" + admin.id(), user.bearer());
        assertTrue(notMine.list("events").stream().allMatch(e -> user.id().equals(e.get("user_id"))),
                "the user filter cannot widen one's own log");

        String everything = api.get("/api/v1/admin/audit?limit=200", admin.bearer()).raw();
        for (String secret : List.of(user.password(), admin.password(), key, key.substring(key.indexOf('.') + 1),
                user.token(), admin.token())) {
            assertFalse(everything.contains(secret), "a secret reached the audit log");
        }
    }

    private long count(String sql, String userId) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, UUID.fromString(userId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }


    @Test
    void mcpAuthSignsInWithAPasswordLikeTheOtherLoginRoutes() {
        Api.Account user = api.newAccount();
        Api.Reply signedIn = api.post("/mcp/auth", Map.of("email", user.email(), "password", user.password()));
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals("Bearer", signedIn.string("token_type"));
        assertEquals("no-store", signedIn.header("Cache-Control"));
        assertEquals(200, api.get("/v1/auth/session", "Authorization", "Bearer " + signedIn.string("access_token"))
                .status());
        Api.Reply wrong = api.post("/mcp/auth", Map.of("email", user.email(), "password", "not the password"));
        assertEquals(401, wrong.status(), wrong.toString());
        assertEquals("invalid_credentials", wrong.string("error"));
        api.post("/api/v1/admin/users/" + user.id() + "/disable", Map.of(), admin.bearer());
        Api.Reply disabled = api.post("/mcp/auth", Map.of("email", user.email(), "password", user.password()));
        assertEquals(403, disabled.status(), disabled.toString());
        assertEquals("account_disabled", disabled.string("error"));
    }

    private static String bcrypt(String password, com.password4j.types.Bcrypt variant) {
        return com.password4j.Password.hash(password)
                .with(com.password4j.BcryptFunction.getInstance(variant, 10)).getResult();
    }

    @Test
    void importedBcryptAccountsSignInAndTheirHashIsReplacedByArgon2id() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String ada = "ada-" + marker + "@example.com";
        String bob = "bob-" + marker + "@example.com";
        String adaHash = bcrypt("ada's old password", com.password4j.types.Bcrypt.B);
        String bobHash = bcrypt("bob's old password", com.password4j.types.Bcrypt.Y);
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.add(Map.of("email", ada, "bcrypt_hash", adaHash, "name", "Ada"));
        rows.add(Map.of("email", bob.toUpperCase(), "bcrypt_hash", bobHash));
        rows.add(Map.of("email", ada, "bcrypt_hash", adaHash));
        rows.add(Map.of("email", "not an address", "bcrypt_hash", adaHash));
        rows.add(Map.of("email", "c-" + marker + "@example.com", "bcrypt_hash", "$argon2id$v=19$m=1,t=1,p=1$x$y"));
        rows.add(Map.of("email", "d-" + marker + "@example.com", "bcrypt_hash", adaHash, "name", "bad\u202Ename"));

        Api.Account user = api.newAccount();
        assertEquals(403, api.post("/api/v1/admin/users/import", rows, user.bearer()).status());
        Api.Reply imported = api.post("/api/v1/admin/users/import", rows, admin.bearer());
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(2, ((Number) imported.body().get("created")).intValue());
        assertEquals(List.of("created", "created", "email_taken", "invalid_email", "invalid_hash", "invalid_name"),
                imported.list("results").stream().map(r -> r.get("status")).toList());
        assertFalse(imported.raw().contains(adaHash), "hashes are not echoed");
        String adaId = (String) imported.list("results").get(0).get("user_id");

        Api.Reply wrong = api.post("/v1/auth/login", Map.of("email", ada, "password", "not ada's password"));
        assertEquals(401, wrong.status());
        assertEquals(adaHash, storedHash(adaId), "a failed sign-in leaves the imported hash");
        Api.Reply login = api.post("/v1/auth/login", Map.of("email", ada, "password", "ada's old password"));
        assertEquals(200, login.status(), login.toString());
        assertEquals("Ada", ((Map<?, ?>) login.body().get("user")).get("name"));
        assertTrue(storedHash(adaId).startsWith("$argon2id$"), "upgraded at sign-in");
        assertEquals(200, api.post("/v1/auth/login", Map.of("email", ada, "password", "ada's old password"))
                .status(), "and the Argon2id hash verifies the same password");
        assertEquals(200, api.post("/v1/auth/login", Map.of("email", bob, "password", "bob's old password"))
                .status(), "$2y$ hashes too");

        for (Object bad : List.of(List.of(), "{}", "not json")) {
            Api.Reply reply = api.post("/api/v1/admin/users/import", bad, admin.bearer());
            assertEquals(400, reply.status(), bad + " " + reply);
        }
        Api.Reply audit = api.get("/api/v1/admin/audit?user=" + adaId + "&type=USER_REGISTERED", admin.bearer());
        assertEquals(Map.of("via", "import", "by", admin.id()), audit.list("events").get(0).get("details"));
    }

    private String storedHash(String userId) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT password_hash FROM " + schema() + "users WHERE id = ?")) {
            select.setObject(1, UUID.fromString(userId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
