package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page forms posted as Chromium posts them: with {@code Origin} (the page's own origin, or
 * {@code null} when a referrer policy hides it) and Fetch metadata, on a localhost address and
 * under a public host name; and posts from another site, which must be refused with a page.
 */
@MicronautTest
class PageFormsFromBrowsersTest extends OAuthTestSupport {

    private static final Scope MEMORIES = new Scope("memories:read", "memories:write");

    /** As a person types it from the README: localhost (the embedded server reports its bind address). */
    @BeforeEach
    void onLocalhost() {
        base = URI.create("http://localhost:" + server.getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"page origin", "null"})
    void signInConsentDeviceApprovalAndSignOutWorkOnLocalhost(String originKind) throws Exception {
        String origin = originKind.equals("null") ? "null" : Browser.originOf(base);
        assertEquals("localhost", base.getHost(), "the embedded server is reached as localhost");
        Browser browser = Browser.chromium(base, origin);

        Authorized authorized = authorizeThroughPages(browser, MEMORIES);
        assertTrue(authorized.code().getValue().length() > 10);

        DeviceAuthorizationSuccessResponse device = startDevice();
        URI complete = device.getVerificationURIComplete();
        HttpResponse<String> confirm = browser.get(complete.getPath() + "?" + complete.getRawQuery());
        assertEquals(200, confirm.statusCode(), confirm.body());
        Map<String, String> decision = new LinkedHashMap<>(Browser.hiddenFields(confirm));
        decision.put("decision", "approve");
        HttpResponse<String> approved = browser.post("/oauth/device/decide", decision);
        assertEquals(200, approved.statusCode(), approved.body());
        assertTrue(approved.body().contains("Device connected"), approved.body());

        HttpResponse<String> signedIn = browser.get("/web/login");
        HttpResponse<String> signedOut = browser.post("/web/logout", Browser.hiddenFields(signedIn));
        assertEquals(200, signedOut.statusCode(), signedOut.body());
        assertTrue(signedOut.headers().allValues("set-cookie").stream()
                .anyMatch(c -> c.startsWith("onasis_session=;") || c.startsWith("onasis_session=\"\"")),
                signedOut.headers().allValues("set-cookie").toString());
        assertEquals(303, browser.get(request(CLI, new CodeVerifier(), MEMORIES).build().toURI().toString())
                .statusCode(), "signed out: the authorization endpoint sends the browser to the login page again");
    }

    @Test
    void pagesAskBrowsersToSendTheirRealOrigin() {
        HttpResponse<String> page = new Browser(base).get("/web/login");
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(""));
    }

    @Test
    void signInWorksUnderAPublicHostName() {
        RawHttp.Reply page = raw("GET", "/web/login", "gateway.example", null, null, null);
        assertEquals(200, page.status(), page.body());
        String csrf = page.cookie("onasis_csrf");
        String body = "csrf_token=" + csrf + "&return_to=%2Fweb%2Flogin&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);

        RawHttp.Reply signedIn = raw("POST", "/web/login", "gateway.example", "http://gateway.example", "onasis_csrf=" + csrf,
                body);
        assertEquals(303, signedIn.status(), signedIn.body());
        assertTrue(signedIn.headers().contains("onasis_session="), signedIn.headers());

        RawHttp.Reply otherHost = raw("POST", "/web/login", "gateway.example", "http://localhost:" + base.getPort(),
                "onasis_csrf=" + csrf, body);
        assertEquals(403, otherHost.status(), "an origin that is not the host the form was posted to");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedWithAReadablePage() {
        Map<String, String> crossSite = Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");
        Map<String, String> sandboxed = Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "iframe");
        Map<String, String> sameSite = Map.of("Origin", "http://localhost:1", "Sec-Fetch-Site", "same-site",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");
        Map<String, String> foreignOriginOnly = Map.of("Origin", "https://evil.example");
        for (Map<String, String> headers : List.of(crossSite, sandboxed, sameSite, foreignOriginOnly)) {
            Browser attacker = Browser.withFormHeaders(base, headers);
            Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(attacker.get("/web/login")));
            form.put("email", email);
            form.put("password", password);

            HttpResponse<String> response = attacker.post("/web/login", form);

            assertEquals(403, response.statusCode(), headers.toString());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(response.body().contains("sent from another site"), response.body());
            assertTrue(response.headers().allValues("set-cookie").stream()
                    .noneMatch(c -> c.startsWith("onasis_session")), headers.toString());
        }
    }

    @Test
    void consentAndDeviceApprovalFromAnotherSiteAreRefused() throws Exception {
        Browser person = Browser.chromium(base, Browser.originOf(base));
        AuthorizationRequest request = request(CLI, new CodeVerifier(), MEMORIES).build();
        String back = person.signIn(person.get(request.toURI().toString()), email, password);
        Map<String, String> consent = new LinkedHashMap<>(Browser.hiddenFields(person.get(back)));
        consent.put("decision", "approve");
        DeviceAuthorizationSuccessResponse device = startDevice();
        URI complete = device.getVerificationURIComplete();
        Map<String, String> approval = new LinkedHashMap<>(Browser.hiddenFields(
                person.get(complete.getPath() + "?" + complete.getRawQuery())));
        approval.put("decision", "approve");

        // the same cookies, but the posts come from a page on another site
        Browser attacker = person.withOtherFormHeaders(Map.of("Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document"));
        HttpResponse<String> consented = attacker.post("/oauth/authorize/consent", consent);
        HttpResponse<String> decided = attacker.post("/oauth/device/decide", approval);
        HttpResponse<String> signedOut = attacker.post("/web/logout", Map.of("csrf_token", consent.get("csrf_token")));

        for (HttpResponse<String> response : List.of(consented, decided, signedOut)) {
            assertEquals(403, response.statusCode(), response.body());
            assertTrue(response.body().contains("sent from another site"), response.body());
            assertTrue(response.headers().firstValue("Location").isEmpty());
        }
        assertFalse(signedOut.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("onasis_session")));
    }

    private DeviceAuthorizationSuccessResponse startDevice() throws Exception {
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                endpoint("/oauth/device"), CLI, new Scope("memories:read")).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    private RawHttp.Reply raw(String method, String path, String host, String origin, String cookie, String body) {
        java.util.List<String> headers = new java.util.ArrayList<>();
        if (origin != null) {
            headers.add("Origin: " + origin);
            headers.add("Sec-Fetch-Site: same-origin");
        }
        if (cookie != null) {
            headers.add("Cookie: " + cookie);
        }
        return RawHttp.exchange(base, method, path, host, body, headers.toArray(String[]::new));
    }
}
