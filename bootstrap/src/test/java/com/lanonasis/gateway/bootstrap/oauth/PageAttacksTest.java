package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attacks on the pages from the adversarial review (issue 10), each performed against the real server. */
@MicronautTest
class PageAttacksTest extends OAuthTestSupport {

    private static final List<String> UNSAFE = List.of(" ", "%zz", "{", "\"", "<", "|", "^", "}", "`", "é", "#a#b");

    @Test
    void returnToWithCharactersAUriCannotHoldIsASafeRedirectWhenSignedIn() {
        Browser browser = new Browser(base);
        browser.signIn(browser.get("/oauth/device"), email, password);
        for (String unsafe : UNSAFE) {
            String target = "/oauth/device?x=a" + unsafe + "b";

            HttpResponse<String> response = browser.get("/web/login?return_to="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));

            assertEquals(303, response.statusCode(), unsafe + ": " + response.body());
            String location = Browser.location(response);
            assertTrue(location.startsWith("/oauth/device?x=a") && !location.startsWith("//"), location);
            URI.create(location); // a valid URI, or this throws
        }
    }

    @Test
    void returnToWithCharactersAUriCannotHoldIsASafeRedirectAfterTheRightPassword() {
        for (String unsafe : UNSAFE) {
            Browser browser = new Browser(base);
            Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(browser.get("/web/login")));
            form.put("return_to", "/oauth/device?x=a" + unsafe + "b");
            form.put("email", email);
            form.put("password", password);

            HttpResponse<String> response = browser.post("/web/login", form);

            assertEquals(303, response.statusCode(), unsafe + ": " + response.body());
            URI.create(Browser.location(response));
        }
    }

    /** The characters sent as they are in the request line, not percent-encoded: never a 5xx. */
    @Test
    void returnToWithRawUnsafeCharactersInTheRequestLineIsNeverAServerError() {
        Browser browser = new Browser(base);
        browser.signIn(browser.get("/oauth/device"), email, password);
        String session = "onasis_session=" + browser.cookie("onasis_session");
        String host = "localhost:" + base.getPort();
        for (String raw : List.of("%zz", "{", "\"", "<", "|", "^", "}", "`", "%", "%2", "%e9", "%c3%28")) {
            for (String cookie : new String[] {null, session}) {
                String[] headers = cookie == null ? new String[0] : new String[] {"Cookie: " + cookie};
                RawHttp.Reply reply = RawHttp.exchange(base, "GET", "/web/login?return_to=/oauth/device?x=a" + raw + "b",
                        host, null, headers);

                assertTrue(reply.status() < 500, raw + " (" + (cookie == null ? "signed out" : "signed in") + "): "
                        + reply.status() + " " + reply.body());
                if (reply.status() == 303) {
                    String location = reply.headers().lines().filter(l -> l.regionMatches(true, 0, "location:", 0, 9))
                            .findFirst().orElseThrow().substring(9).strip();
                    assertTrue(location.startsWith("/") && !location.startsWith("//"), location);
                    URI.create(location);
                }
            }
        }
    }

    @Test
    void anEmptyCsrfCookieAndFieldDoNotMakeAValidPair() {
        Browser attacker = new Browser(base);
        attacker.setCookie("onasis_csrf", "");

        HttpResponse<String> response = attacker.post("/web/login", Map.of("csrf_token", "", "email", email,
                "password", password, "return_to", "/web/login"));

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith("onasis_session")));
    }

    @Test
    void getLogoutShowsAFormAndDoesNotSignOut() {
        Browser browser = new Browser(base);
        browser.signIn(browser.get("/oauth/device"), email, password);

        HttpResponse<String> linkFollowed = browser.get("/web/logout");

        assertEquals(200, linkFollowed.statusCode());
        assertTrue(linkFollowed.body().contains("method=\"post\" action=\"/web/logout\""), linkFollowed.body());
        assertTrue(linkFollowed.headers().allValues("set-cookie").stream()
                .noneMatch(c -> c.startsWith("onasis_session")), "the session cookie is left alone");
        assertEquals(200, browser.get("/oauth/device").statusCode(), "still signed in");

        HttpResponse<String> posted = browser.post("/web/logout", Browser.hiddenFields(linkFollowed));
        assertEquals(200, posted.statusCode());
        assertEquals(303, browser.get("/oauth/device").statusCode(), "signed out: sent to the login page");
    }

    @Test
    void anUnverifiedRegisteredClientsErrorsAreShownNotRedirectedBeforeSignIn() throws Exception {
        String client = registerPublic("https://attacker.example/landing");
        String bad = "/oauth/authorize?client_id=" + client + "&redirect_uri="
                + URLEncoder.encode("https://attacker.example/landing", StandardCharsets.UTF_8)
                + "&response_type=token&state=s";

        HttpResponse<String> signedOut = new Browser(base).get(bad);

        assertEquals(400, signedOut.statusCode(), signedOut.body());
        assertTrue(signedOut.headers().firstValue("Location").isEmpty(), "no open redirect");
        assertTrue(signedOut.body().contains("unsupported_response_type"), signedOut.body());

        Browser person = new Browser(base);
        person.signIn(person.get("/oauth/device"), email, password);
        HttpResponse<String> signedIn = person.get(bad);
        assertEquals(302, signedIn.statusCode(), "after sign-in the client learns of its error (RFC 6749 §4.1.2.1)");
        assertTrue(Browser.location(signedIn).startsWith("https://attacker.example/landing?error="));
    }

    @Test
    void userCodeGuessingOnTheDevicePageIsStopped() throws Exception {
        DeviceAuthorizationSuccessResponse device = startDevice();
        Browser guesser = new Browser(base);
        guesser.signIn(guesser.get("/oauth/device"), email, password);
        assertEquals(200, guesser.get("/oauth/device").statusCode());
        Map<String, String> decideForm = new LinkedHashMap<>(Map.of("csrf_token", guesser.cookie("onasis_csrf")));
        for (int i = 0; i < 5; i++) {
            assertEquals(404, guesser.get("/oauth/device?user_code=BBBB-BBB" + "CDFGH".charAt(i)).statusCode());
        }
        for (int i = 0; i < 5; i++) {
            decideForm.put("user_code", "CCCC-CCC" + "CDFGH".charAt(i));
            decideForm.put("decision", "approve");
            assertEquals(404, guesser.post("/oauth/device/decide", decideForm).statusCode());
        }

        HttpResponse<String> locked = guesser.get("/oauth/device?user_code="
                + URLEncoder.encode(device.getUserCode().getValue(), StandardCharsets.UTF_8));

        assertEquals(429, locked.statusCode(), "even the right code, once the guesses are spent");
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertTrue(locked.body().contains("Too many wrong codes"), locked.body());
        decideForm.put("user_code", device.getUserCode().getValue());
        assertEquals(429, guesser.post("/oauth/device/decide", decideForm).statusCode());
        assertTrue(device.getUserCode().getValue().matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"),
                "RFC 8628 §6.1 alphabet");
    }

    private DeviceAuthorizationSuccessResponse startDevice() throws Exception {
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                endpoint("/oauth/device"), CLI, new Scope("memories:read")).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    private String registerPublic(String redirect) throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("Some app");
        metadata.setRedirectionURI(URI.create(redirect));
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        HTTPResponse http = new ClientRegistrationRequest(endpoint("/register"), metadata, null).toHTTPRequest().send();
        assertEquals(201, http.getStatusCode(), http.getBody());
        assertFalse(http.getBody().isEmpty());
        return ClientInformationResponse.parse(http).getClientInformation().getID().getValue();
    }
}
