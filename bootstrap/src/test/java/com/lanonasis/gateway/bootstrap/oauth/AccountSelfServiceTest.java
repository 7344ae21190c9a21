package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.Scope;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: browser sessions carry an id, times, browser and address, are listed per person and
 * ended one by one at once (by the person and by an administrator); the account REST API
 * (/api/v1/account) changes the password, withdraws connected apps, rotates API keys with a grace
 * period and deletes the account — all through the real server.
 */
@MicronautTest
@Property(name = "onasis.admin.emails", value = "sessions-admin@example.com")
class AccountSelfServiceTest extends OAuthTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "sessions-admin@example.com";
    private static final String ADMIN_PASSWORD = "the sessions admin password";

    private String userId;
    private String loginToken;

    @BeforeEach
    void signInWithPassword() throws Exception {
        Map<?, ?> login = JSON.readValue(postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null).body(), Map.class);
        loginToken = (String) login.get("access_token");
        userId = (String) ((Map<?, ?>) login.get("user")).get("id");
    }

    /** A browser signed in through the login page; its session cookie is the credential. */
    private Browser signedIn(String userAgent) {
        Browser browser = Browser.chromium(base, Browser.originOf(base));
        HttpResponse<String> page = browser.get("/web/login");
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(page));
        form.put("email", email);
        form.put("password", password);
        form.put("return_to", "/web/login");
        HttpResponse<String> done = browser.withUserAgent(userAgent).post("/web/login", form);
        assertEquals(303, done.statusCode(), done.body());
        return browser;
    }

    /** A JSON call with a browser's session cookie, sent as the account page's own fetch would be. */
    private HttpResponse<String> withCookie(Browser browser, String method, String path, String json,
                                            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(path))
                .header("Cookie", "onasis_session=" + browser.cookie("onasis_session"))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (!method.equals("GET") && headers.length == 0) {
            request.header("Origin", Browser.originOf(base)).header("Sec-Fetch-Site", "same-origin");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> withBearer(String token, String method, String path, String json) {
        return send(HttpRequest.newBuilder(endpoint(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Map<?, ?> body(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(HttpResponse<String> response, String field) throws Exception {
        return (List<Map<String, Object>>) body(response).get(field);
    }

    private String adminToken() throws Exception {
        HttpResponse<String> registered = postJson("/v1/auth/register",
                "{\"email\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        assertTrue(registered.statusCode() == 201 || registered.statusCode() == 409, registered.body());
        return (String) body(postJson("/v1/auth/login",
                "{\"email\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null)).get("access_token");
    }

    @Test
    void sessionsAreListedWithTheirDetailsAndEndedOneByOneAtOnce() throws Exception {
        Browser laptop = signedIn("Laptop/1.0 (X11)");
        Browser phone = signedIn("Phone/2.0 (Android)");

        HttpResponse<String> listed = withCookie(laptop, "GET", "/api/v1/account/sessions", null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("no-store", listed.headers().firstValue("Cache-Control").orElse(""));
        List<Map<String, Object>> sessions = list(listed, "sessions");
        assertEquals(2, sessions.size(), listed.body());
        Map<String, Object> current = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current")))
                .findFirst().orElseThrow();
        Map<String, Object> other = sessions.stream().filter(s -> !Boolean.TRUE.equals(s.get("current")))
                .findFirst().orElseThrow();
        assertEquals("Laptop/1.0 (X11)", current.get("user_agent"));
        assertEquals("Phone/2.0 (Android)", other.get("user_agent"));
        assertEquals("127.0.0.1", other.get("client_address"));
        assertTrue(((String) other.get("id")).startsWith("ws_"));
        for (String field : List.of("created_at", "last_seen_at", "expires_at")) {
            assertTrue(other.get(field) instanceof String, field);
        }
        assertFalse(listed.body().contains(laptop.cookie("onasis_session")), "never the cookie");
        assertFalse(listed.body().contains(phone.cookie("onasis_session")), "never the cookie");

        // the login token of a password sign-in sees the same sessions, none of them its own
        HttpResponse<String> byToken = withBearer(loginToken, "GET", "/api/v1/account/sessions", null);
        assertEquals(200, byToken.statusCode(), byToken.body());
        assertTrue(list(byToken, "sessions").stream().noneMatch(s -> Boolean.TRUE.equals(s.get("current"))));

        // a cookie call that changes something from another site is refused, and nothing changes
        HttpResponse<String> crossSite = withCookie(laptop, "DELETE", "/api/v1/account/sessions/" + other.get("id"),
                null, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertEquals("cross_site_request", body(crossSite).get("error"));
        assertEquals(200, withCookie(phone, "GET", "/api/v1/account", null).statusCode());

        HttpResponse<String> ended = withCookie(laptop, "DELETE", "/api/v1/account/sessions/" + other.get("id"), null);
        assertEquals(204, ended.statusCode(), ended.body());
        HttpResponse<String> phoneNow = withCookie(phone, "GET", "/api/v1/account", null);
        assertEquals(401, phoneNow.statusCode(), "the ended session is refused at once: " + phoneNow.body());
        assertEquals("invalid_session", body(phoneNow).get("error"));
        assertEquals(200, withCookie(laptop, "GET", "/api/v1/account", null).statusCode(), "the other one stays");
        assertEquals(404, withCookie(laptop, "DELETE", "/api/v1/account/sessions/" + other.get("id"), null)
                .statusCode(), "already gone");

        // another person's session id is not found (no oracle)
        Browser again = signedIn("Tablet/3");
        String tabletId = (String) list(withCookie(again, "GET", "/api/v1/account/sessions", null), "sessions")
                .stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow().get("id");
        String stranger = (String) body(postJson("/v1/auth/register", "{\"email\":\"stranger-" + java.util.UUID.randomUUID()
                + "@example.com\",\"password\":\"stranger password 1\"}", null)).get("email");
        String strangerToken = (String) body(postJson("/v1/auth/login", "{\"email\":\"" + stranger
                + "\",\"password\":\"stranger password 1\"}", null)).get("access_token");
        assertEquals(404, withBearer(strangerToken, "DELETE", "/api/v1/account/sessions/" + tabletId, null).statusCode());
        assertEquals(200, withCookie(again, "GET", "/api/v1/account", null).statusCode());

        // sign out every other session
        HttpResponse<String> others = withCookie(laptop, "DELETE", "/api/v1/account/sessions", null);
        assertEquals(200, others.statusCode(), others.body());
        assertEquals(1, body(others).get("ended"));
        assertEquals(401, withCookie(again, "GET", "/api/v1/account", null).statusCode());
        assertEquals(200, withCookie(laptop, "GET", "/api/v1/account", null).statusCode());
    }

    @Test
    void appsAndApiKeysCannotManageTheAccount() throws Exception {
        HttpResponse<String> created = postJson("/api/v1/auth/api-keys", "{\"name\":\"k\"}", loginToken);
        String key = (String) body(created).get("key");
        for (String[] call : List.of(new String[] {"GET", "/api/v1/account/sessions"},
                new String[] {"GET", "/api/v1/account/apps"}, new String[] {"DELETE", "/api/v1/account/sessions"},
                new String[] {"POST", "/api/v1/account/password"})) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(endpoint(call[1])).header("X-API-Key", key)
                    .header("Content-Type", "application/json").method(call[0], call[0].equals("POST")
                            ? HttpRequest.BodyPublishers.ofString("{\"current_password\":\"" + password
                            + "\",\"new_password\":\"another long password\"}") : HttpRequest.BodyPublishers.noBody())
                    .build());
            assertEquals(403, refused.statusCode(), call[1] + " " + refused.body());
            assertEquals("first_party_credential_required", body(refused).get("error"));
        }
        HttpResponse<String> profile = send(HttpRequest.newBuilder(endpoint("/api/v1/account")).header("X-API-Key", key)
                .GET().build());
        assertEquals(200, profile.statusCode(), "reading the profile is fine: " + profile.body());
        assertEquals(email, body(profile).get("email"));
        assertEquals(401, send(HttpRequest.newBuilder(endpoint("/api/v1/account")).GET().build()).statusCode());
    }

    @Test
    void anAdministratorListsAndEndsAUsersSessionsAudited() throws Exception {
        String admin = adminToken();
        Browser browser = signedIn("Desk/1");
        HttpResponse<String> refused = withBearer(loginToken, "GET", "/api/v1/admin/users/" + userId + "/sessions", null);
        assertEquals(403, refused.statusCode(), "not for users: " + refused.body());

        HttpResponse<String> listed = withBearer(admin, "GET", "/api/v1/admin/users/" + userId + "/sessions", null);
        assertEquals(200, listed.statusCode(), listed.body());
        List<Map<String, Object>> sessions = list(listed, "sessions");
        assertEquals(1, sessions.size(), listed.body());
        assertEquals("Desk/1", sessions.get(0).get("user_agent"));
        String sid = (String) sessions.get(0).get("id");

        assertEquals(404, withBearer(admin, "DELETE", "/api/v1/admin/users/" + userId + "/sessions/ws_unknown", null)
                .statusCode());
        assertEquals(404, withBearer(admin, "GET", "/api/v1/admin/users/not-a-uuid/sessions", null).statusCode());
        HttpResponse<String> revoked = withBearer(admin, "DELETE", "/api/v1/admin/users/" + userId + "/sessions/" + sid,
                null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(401, withCookie(browser, "GET", "/api/v1/account", null).statusCode(), "ended at once");
        assertEquals(0, list(withBearer(admin, "GET", "/api/v1/admin/users/" + userId + "/sessions", null), "sessions")
                .size());

        HttpResponse<String> audit = withBearer(admin, "GET", "/api/v1/admin/audit?user=" + userId
                + "&type=session_revoked", null);
        assertEquals(200, audit.statusCode(), audit.body());
        Map<String, Object> event = list(audit, "events").get(0);
        assertEquals(sid, ((Map<?, ?>) event.get("details")).get("session_id"));
        assertNotEquals(null, ((Map<?, ?>) event.get("details")).get("by"));
    }

    @Test
    void changingThePasswordEndsOtherSessionsAndEveryGrant() throws Exception {
        Browser here = signedIn("Here/1");
        Browser elsewhere = signedIn("Elsewhere/1");
        AccessTokenResponse app = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse();
        String appToken = app.getTokens().getAccessToken().getValue();
        assertEquals(200, restGet("/api/v1/memory", appToken).statusCode());

        HttpResponse<String> wrong = withCookie(here, "POST", "/api/v1/account/password",
                "{\"current_password\":\"not it\",\"new_password\":\"a brand new password\"}");
        assertEquals(403, wrong.statusCode(), wrong.body());
        assertEquals("wrong_password", body(wrong).get("error"));
        HttpResponse<String> weak = withCookie(here, "POST", "/api/v1/account/password",
                "{\"current_password\":\"" + password + "\",\"new_password\":\"short\"}");
        assertEquals(400, weak.statusCode(), weak.body());
        assertEquals("validation_failed", body(weak).get("error"));
        assertEquals(200, withCookie(elsewhere, "GET", "/api/v1/account", null).statusCode(), "nothing changed yet");

        String newPassword = "a brand new password " + java.util.UUID.randomUUID();
        HttpResponse<String> changed = withCookie(here, "POST", "/api/v1/account/password",
                "{\"current_password\":\"" + password + "\",\"new_password\":\"" + newPassword + "\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(((Number) body(changed).get("sessions_ended")).intValue() >= 2, changed.body());
        assertEquals(1, ((Number) body(changed).get("grants_revoked")).intValue(), changed.body());
        assertFalse(changed.body().contains(newPassword));

        assertEquals(200, withCookie(here, "GET", "/api/v1/account", null).statusCode(), "this session stays");
        assertEquals(401, withCookie(elsewhere, "GET", "/api/v1/account", null).statusCode(), "others end");
        assertEquals(401, restGet("/api/v1/memory", appToken).statusCode(), "grants are revoked");
        assertEquals(401, postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                null).statusCode(), "the old password is gone");
        assertEquals(200, postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + newPassword
                + "\"}", null).statusCode());
    }

    @Test
    void withdrawingAConnectedAppStopsItsTokensAtOnceAndForgetsTheConsent() throws Exception {
        AccessTokenResponse app = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse();
        String appToken = app.getTokens().getAccessToken().getValue();

        HttpResponse<String> apps = withBearer(loginToken, "GET", "/api/v1/account/apps", null);
        assertEquals(200, apps.statusCode(), apps.body());
        Map<String, Object> cli = list(apps, "apps").stream().filter(a -> "lanonasis-cli".equals(a.get("client_id")))
                .findFirst().orElseThrow(() -> new AssertionError(apps.body()));
        assertEquals(List.of("memories:read"), cli.get("scopes"));
        assertEquals(1, ((List<?>) cli.get("grants")).size());
        assertFalse(apps.body().contains(appToken), "never a token");

        HttpResponse<String> withdrawn = withBearer(loginToken, "DELETE", "/api/v1/account/apps/lanonasis-cli", null);
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals(1, body(withdrawn).get("revoked"));
        assertEquals(401, restGet("/api/v1/memory", appToken).statusCode(), "its token stops at once");
        assertEquals(List.of(), list(withBearer(loginToken, "GET", "/api/v1/account/apps", null), "apps"));
        assertEquals(404, withBearer(loginToken, "DELETE", "/api/v1/account/apps/lanonasis-cli", null).statusCode());

        HttpResponse<String> audit = withBearer(loginToken, "GET", "/api/v1/auth/audit?type=consent_withdrawn", null);
        assertEquals(200, audit.statusCode(), audit.body());
        assertEquals("lanonasis-cli", list(audit, "events").get(0).get("client_id"));
    }

    @Test
    void aRotatedKeyKeepsItsIdAndTheOldSecretWorksDuringTheGracePeriod() throws Exception {
        HttpResponse<String> created = withBearer(loginToken, "POST", "/api/v1/account/api-keys",
                "{\"name\":\"ci\",\"scopes\":[\"memories:read\"],\"expires_in\":3600}");
        assertEquals(201, created.statusCode(), created.body());
        String oldKey = (String) body(created).get("key");
        String id = (String) body(created).get("id");

        HttpResponse<String> rotated = withBearer(loginToken, "POST", "/api/v1/account/api-keys/" + id + "/rotate", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newKey = (String) body(rotated).get("key");
        assertNotEquals(oldKey, newKey);
        assertTrue(newKey.startsWith("pk_" + id + ".sk_"), "same id, new secret");
        assertTrue(body(rotated).get("previous_secret_valid_until") instanceof String);
        for (String key : List.of(oldKey, newKey)) {
            assertEquals(200, send(HttpRequest.newBuilder(endpoint("/api/v1/memory")).header("X-API-Key", key).GET()
                    .build()).statusCode(), "both secrets work during the grace period");
        }
        HttpResponse<String> keys = withBearer(loginToken, "GET", "/api/v1/account/api-keys", null);
        assertFalse(keys.body().contains(newKey.substring(newKey.indexOf(".sk_") + 4)), "the secret is shown once");
        assertEquals(404, withBearer(loginToken, "POST", "/api/v1/account/api-keys/unknownkeyid/rotate", null)
                .statusCode());

        assertEquals(204, withBearer(loginToken, "DELETE", "/api/v1/account/api-keys/" + id, null).statusCode());
        for (String key : List.of(oldKey, newKey)) {
            assertEquals(401, send(HttpRequest.newBuilder(endpoint("/api/v1/memory")).header("X-API-Key", key).GET()
                    .build()).statusCode(), "revoking ends both secrets");
        }
        List<Object> types = list(withBearer(loginToken, "GET", "/api/v1/auth/audit", null), "events").stream()
                .map(e -> e.get("type")).toList();
        assertTrue(types.containsAll(List.of("API_KEY_CREATED", "API_KEY_ROTATED", "API_KEY_REVOKED")), types.toString());
    }

    @Test
    void deletingTheAccountNeedsTheConfirmationAndThePassword() throws Exception {
        Browser browser = signedIn("Last/1");
        postJson("/api/v1/memory", "{\"title\":\"t\",\"content\":\"c\"}", loginToken);

        HttpResponse<String> unconfirmed = withCookie(browser, "DELETE", "/api/v1/account",
                "{\"confirm\":\"DELETE someone-else@example.com\",\"password\":\"" + password + "\"}");
        assertEquals(400, unconfirmed.statusCode(), unconfirmed.body());
        assertEquals("confirmation_required", body(unconfirmed).get("error"));
        HttpResponse<String> noBody = withCookie(browser, "DELETE", "/api/v1/account", null);
        assertEquals(400, noBody.statusCode(), noBody.body());
        HttpResponse<String> wrongPassword = withCookie(browser, "DELETE", "/api/v1/account",
                "{\"confirm\":\"DELETE " + email + "\",\"password\":\"not it\"}");
        assertEquals(403, wrongPassword.statusCode(), wrongPassword.body());
        assertEquals("wrong_password", body(wrongPassword).get("error"));
        assertEquals(200, withBearer(loginToken, "GET", "/api/v1/account", null).statusCode(), "still there");

        HttpResponse<String> deleted = withCookie(browser, "DELETE", "/api/v1/account",
                "{\"confirm\":\"DELETE " + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(userId, body(deleted).get("user_id"));
        assertEquals(1, ((Number) body(deleted).get("memories_deleted")).intValue());
        assertEquals(401, withCookie(browser, "GET", "/api/v1/account", null).statusCode());
        assertEquals(401, withBearer(loginToken, "GET", "/api/v1/account", null).statusCode());
        assertEquals(401, postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                null).statusCode(), "sign-in fails afterwards");
    }

    @Test
    void theProfileNameIsChangedByThePersonOnly() throws Exception {
        HttpResponse<String> renamed = withBearer(loginToken, "PATCH", "/api/v1/account", "{\"name\":\"  Ada L.  \"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Ada L.", body(renamed).get("name"));
        assertEquals("Ada L.", body(withBearer(loginToken, "GET", "/api/v1/account", null)).get("name"));
        assertFalse(renamed.body().contains("password"), "never a hash");

        HttpResponse<String> tooLong = withBearer(loginToken, "PATCH", "/api/v1/account",
                "{\"name\":\"" + "x".repeat(101) + "\"}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertEquals("validation_failed", body(tooLong).get("error"));
        HttpResponse<String> control = withBearer(loginToken, "PATCH", "/api/v1/account", "{\"name\":\"a\\u0000b\"}");
        assertEquals(400, control.statusCode(), control.body());
        assertEquals("Ada L.", body(withBearer(loginToken, "GET", "/api/v1/account", null)).get("name"), "unchanged");

        String key = (String) body(postJson("/api/v1/auth/api-keys", "{\"name\":\"k\"}", loginToken)).get("key");
        HttpResponse<String> byKey = send(HttpRequest.newBuilder(endpoint("/api/v1/account")).header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Mallory\"}")).build());
        assertEquals(403, byKey.statusCode(), byKey.body());
        assertEquals("first_party_credential_required", body(byKey).get("error"));

        HttpResponse<String> cleared = withBearer(loginToken, "PATCH", "/api/v1/account", "{\"name\":\"\"}");
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertEquals(null, body(cleared).get("name"));
        assertTrue(list(withBearer(loginToken, "GET", "/api/v1/auth/audit?type=profile_updated", null), "events").size()
                >= 2);
    }
}
