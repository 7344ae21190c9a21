package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consent page must say who is asking and where the browser goes, truthfully: no control or
 * bidirectional formatting characters from client metadata, no {@code good@evil} redirect hosts.
 */
@MicronautTest
@Property(name = "onasis.oauth.clients.spoofy.name", value = "Trusted\u202Eetoner\u2066 \u0007app")
@Property(name = "onasis.oauth.clients.spoofy.redirect-uris", value = "http://127.0.0.1/callback")
@Property(name = "onasis.oauth.clients.spoofy.grant-types", value = "authorization_code")
@Property(name = "onasis.oauth.registrations-per-minute", value = "100")
class ConsentSpoofingTest extends OAuthTestSupport {

    private static final List<String> DECEPTIVE = List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\u007f", "\\u0085",
            "\\u009f", "\\u200e", "\\u200f", "\\u202a", "\\u202b", "\\u202c", "\\u202d", "\\u202e", "\\u2066",
            "\\u2067", "\\u2068", "\\u2069");

    @Test
    void registrationRefusesNamesWithControlAndBidiCharacters() {
        for (String character : DECEPTIVE) {
            HttpResponse<String> response = postJson("/register", "{\"client_name\":\"Good" + character
                    + "App\",\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"none\"}",
                    null);

            assertEquals(400, response.statusCode(), character + ": " + response.body());
            assertTrue(response.body().contains("\"invalid_client_metadata\""), response.body());
        }
    }

    @Test
    void registrationRefusesRedirectsWithUserInfoOrBidiCharacters() {
        for (String redirect : List.of("https://good.example@evil.example/cb", "https://good.example:x@evil.example/",
                "http://good.example@127.0.0.1/callback", "https://app.example/\\u202ebc")) {
            HttpResponse<String> response = postJson("/register", "{\"client_name\":\"App\",\"redirect_uris\":[\""
                    + redirect + "\"],\"token_endpoint_auth_method\":\"none\"}", null);

            assertEquals(400, response.statusCode(), redirect + ": " + response.body());
            assertTrue(response.body().contains("\"invalid_redirect_uri\""), response.body());
        }
        HttpResponse<String> fine = postJson("/register", "{\"client_name\":\"Caf\\u00e9 \\u65e5\\u672c\","
                + "\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"none\"}", null);
        assertEquals(201, fine.statusCode(), "ordinary non-ASCII names are fine: " + fine.body());
    }

    @Test
    void whateverIsStoredTheConsentPageShowsNoControlOrBidiCharacters() {
        Browser browser = new Browser(base);
        AuthorizationRequest request = request(new ClientID("spoofy"), new CodeVerifier(), new Scope("memories:read"))
                .build();

        HttpResponse<String> consent = browser.get(browser.signIn(browser.get(request.toURI().toString()),
                email, password));

        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("Trustedetoner app"), consent.body());
        assertFalse(consent.body().codePoints().anyMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f
                || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069));
    }
}
