package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.Scope;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the account page (/account) as a browser without JavaScript uses it: plain forms with
 * the pages' CSRF defences, redirects after each change, a new API key shown once.
 */
@MicronautTest
class AccountPageTest extends OAuthTestSupport {

    private static final Pattern KEY = Pattern.compile("id=\"new-api-key\">(pk_[A-Za-z0-9]+\\.sk_[A-Za-z0-9]+)<");
    private static final Pattern KEY_ID = Pattern.compile("data-key=\"([A-Za-z0-9]+)\"");

    private Browser signedInAtAccount() {
        Browser browser = Browser.chromium(base, Browser.originOf(base));
        HttpResponse<String> redirect = browser.get("/account");
        assertEquals(303, redirect.statusCode(), redirect.body());
        assertEquals("/web/login?return_to=%2Faccount", Browser.location(redirect));
        assertEquals("/account", browser.signIn(redirect, email, password));
        return browser;
    }

    private static Map<String, String> csrf(HttpResponse<String> page) {
        return new LinkedHashMap<>(Map.of("csrf_token", Browser.hiddenFields(page).get("csrf_token")));
    }

    private HttpResponse<String> memoryWithKey(String key) {
        return send(HttpRequest.newBuilder(endpoint("/api/v1/memory")).header("X-API-Key", key).GET().build());
    }

    @Test
    void thePageShowsEverySectionWithTheServicesStylesheet() {
        Browser browser = signedInAtAccount();
        HttpResponse<String> page = browser.get("/account");
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/onasis.css\">"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        for (String section : new String[] {"id=\"profile\"", "id=\"password\"", "id=\"sessions\"", "id=\"apps\"",
                "id=\"keys\"", "id=\"delete\"", "This browser", email}) {
            assertTrue(html.contains(section), section);
        }
        assertFalse(html.contains("<script"), "works without JavaScript");
        assertFalse(html.contains(browser.cookie("onasis_session")), "never the cookie");
    }

    @Test
    void aKeyIsCreatedShownOnceUsedAndRevokedThroughTheForms() {
        Browser browser = signedInAtAccount();
        Map<String, String> form = csrf(browser.get("/account"));
        form.put("name", "from the page");
        form.put("scope", "memories:read");
        form.put("expires", "30d");
        HttpResponse<String> created = browser.post("/account/keys", form);
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
        Matcher matcher = KEY.matcher(created.body());
        assertTrue(matcher.find(), created.body());
        String key = matcher.group(1);
        assertEquals(200, memoryWithKey(key).statusCode());

        HttpResponse<String> page = browser.get("/account");
        assertFalse(page.body().contains(key.substring(key.indexOf(".sk_"))), "the secret is not shown again");
        Matcher id = KEY_ID.matcher(page.body());
        assertTrue(id.find(), page.body());
        assertTrue(key.startsWith("pk_" + id.group(1) + "."));

        // another site's form, or one without the CSRF token, changes nothing
        HttpResponse<String> crossSite = browser.withOtherFormHeaders(Map.of("Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site")).post("/account/keys/" + id.group(1) + "/revoke", csrf(page));
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> noToken = browser.post("/account/keys/" + id.group(1) + "/revoke", Map.of());
        assertEquals(403, noToken.statusCode());
        assertEquals(200, memoryWithKey(key).statusCode());

        HttpResponse<String> revoked = browser.post("/account/keys/" + id.group(1) + "/revoke", csrf(page));
        assertEquals(303, revoked.statusCode(), revoked.body());
        assertEquals("/account?done=key_revoked", Browser.location(revoked));
        assertEquals(401, memoryWithKey(key).statusCode());
        assertTrue(browser.get("/account?done=key_revoked").body().contains("The API key was revoked."));
        assertFalse(browser.get("/account?done=%3Cb%3Ehi").body().contains("<b>hi"), "no words from the link");
    }

    @Test
    void passwordSessionsAppsAndDeletionWorkThroughTheForms() {
        Browser browser = signedInAtAccount();
        Browser other = signedInAtAccount();
        String appToken = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse().getTokens().getAccessToken().getValue();

        HttpResponse<String> page = browser.get("/account");
        assertTrue(page.body().contains("data-app=\"lanonasis-cli\""), page.body());
        Map<String, String> revokeApp = csrf(page);
        revokeApp.put("client_id", "lanonasis-cli");
        HttpResponse<String> revoked = browser.post("/account/apps/revoke", revokeApp);
        assertEquals(303, revoked.statusCode(), revoked.body());
        assertEquals(401, restGet("/api/v1/memory", appToken).statusCode(), "the app's token stops at once");

        Map<String, String> wrong = csrf(page);
        wrong.put("current_password", "not the password");
        wrong.put("new_password", "a perfectly good new password");
        HttpResponse<String> refused = browser.post("/account/password", wrong);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("The current password is not correct."));

        String newPassword = "the new password " + java.util.UUID.randomUUID();
        Map<String, String> change = csrf(page);
        change.put("current_password", password);
        change.put("new_password", newPassword);
        HttpResponse<String> changed = browser.post("/account/password", change);
        assertEquals(303, changed.statusCode(), changed.body());
        assertEquals("/account?done=password", Browser.location(changed));
        assertEquals(200, browser.get("/account").statusCode(), "this browser stays signed in");
        assertEquals(303, other.get("/account").statusCode(), "the other browser is signed out");

        Map<String, String> unconfirmed = csrf(page);
        unconfirmed.put("confirm", "delete it");
        unconfirmed.put("password", newPassword);
        HttpResponse<String> notDeleted = browser.post("/account/delete", unconfirmed);
        assertEquals(400, notDeleted.statusCode());
        assertEquals(200, browser.get("/account").statusCode());

        Map<String, String> confirmed = csrf(page);
        confirmed.put("confirm", "DELETE " + email);
        confirmed.put("password", newPassword);
        HttpResponse<String> deleted = browser.post("/account/delete", confirmed);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(deleted.body().contains("Account deleted"));
        assertEquals(401, postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + newPassword
                + "\"}", null).statusCode());
    }
}
