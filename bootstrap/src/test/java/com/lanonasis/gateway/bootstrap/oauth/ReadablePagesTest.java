package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages a person meets: one cacheable stylesheet, a strict CSP, labels and focus, and plain words. */
@MicronautTest
class ReadablePagesTest extends OAuthTestSupport {

    @Value("${onasis.oauth.scopes}")
    List<String> configuredScopes;

    @Test
    void theStylesheetIsServedAndCacheable() {
        HttpResponse<String> css = send(HttpRequest.newBuilder(endpoint("/assets/onasis.css")).GET().build());

        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        assertTrue(css.body().contains(":focus-visible"), "visible keyboard focus");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(endpoint("/assets/onasis.css"))
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, again.statusCode());
    }

    @Test
    void everyPageUsesTheStylesheetUnderAStrictPolicyWithLabelledFields() {
        Browser browser = new Browser(base);
        HttpResponse<String> login = browser.get("/web/login");
        String signedInNext = browser.signIn(browser.get("/oauth/device"), email, password);
        HttpResponse<String> device = browser.get(signedInNext);
        HttpResponse<String> logout = browser.get("/web/logout");
        HttpResponse<String> error = browser.get("/oauth/authorize?client_id=nobody");

        for (HttpResponse<String> page : List.of(login, device, logout, error)) {
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("style-src 'self'"), csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            String html = page.body();
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/onasis.css\">"), html);
            assertTrue(html.contains("name=\"viewport\""), html);
            assertFalse(html.contains("style=") || html.contains("<style") || html.contains("<script"), html);
            Matcher input = Pattern.compile("<input id=\"([^\"]+)\"").matcher(html);
            while (input.find()) {
                assertTrue(html.contains("<label for=\"" + input.group(1) + "\">"), "a label for " + input.group(1));
            }
        }
        assertTrue(login.body().contains("autofocus"), "the first field has focus");
        assertTrue(device.body().contains("autofocus"));
        assertEquals(400, error.statusCode());
        assertTrue(error.body().contains("Go back to the app"), error.body());
    }

    @Test
    void consentForASelfRegisteredAppSaysSoInPlainWords() throws Exception {
        List<String> all = configuredScopes.stream().filter(scope -> !scope.equals("admin")).toList();
        ClientID client = register("https://notes.example.com/oauth/callback");
        Browser browser = new Browser(base);
        AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
                .endpointURI(endpoint("/oauth/authorize")).redirectionURI(URI.create("https://notes.example.com/oauth/callback"))
                .scope(new Scope(all.toArray(String[]::new))).state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();

        HttpResponse<String> consent = browser.get(browser.signIn(browser.get(request.toURI().toString()),
                email, password));

        assertEquals(200, consent.statusCode(), consent.body());
        String html = consent.body();
        assertTrue(html.contains("Unverified app"), html);
        assertTrue(html.contains("Read your memories") && html.contains("Delete your memories"), html);
        assertFalse(html.contains("Use “"), "every configured scope has plain words: " + html);
        assertTrue(html.contains("<span class=\"host\">notes.example.com</span>"), html);
        assertTrue(html.contains("Notes &amp; more"), html);
    }

    @Test
    void consentForThePlatformsOwnToolSaysWhereItGoesWithoutTheNotice() {
        Browser browser = new Browser(base);
        AuthorizationRequest request = request(CLI, new CodeVerifier(), new Scope("memories:read")).build();

        HttpResponse<String> consent = browser.get(browser.signIn(browser.get(request.toURI().toString()),
                email, password));

        assertEquals(200, consent.statusCode(), consent.body());
        assertFalse(consent.body().contains("Unverified app"));
        assertTrue(consent.body().contains("Lanonasis CLI"));
        assertTrue(consent.body().contains("an app on this computer"), consent.body());
    }

    private ClientID register(String redirect) throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("Notes & more");
        metadata.setRedirectionURI(URI.create(redirect));
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        HTTPResponse http = new ClientRegistrationRequest(endpoint("/register"), metadata, null).toHTTPRequest().send();
        assertEquals(201, http.getStatusCode(), http.getBody());
        return ClientInformationResponse.parse(http).getClientInformation().getID();
    }
}
