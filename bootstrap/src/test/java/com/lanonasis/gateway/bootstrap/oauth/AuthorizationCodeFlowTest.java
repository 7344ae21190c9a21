package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization code flow with PKCE, end to end through the login and consent pages, driven by Nimbus. */
@MicronautTest
class AuthorizationCodeFlowTest extends OAuthTestSupport {

    static final URI MCP = URI.create("http://localhost:4000/mcp");
    static final URI API = URI.create("http://localhost:4000/api/v1");
    static final Scope MEMORIES = new Scope("memories:read", "memories:write");

    @Test
    void codeFlowIssuesAnAudienceBoundJwtThatWorksOnTheApi() throws Exception {
        Browser browser = new Browser(base);
        Authorized authorized = authorizeThroughPages(browser, MEMORIES, API, MCP);
        assertEquals("http://localhost:4000", authorized.callbackParams().get("iss"), "RFC 9207 iss");

        TokenResponse response = redeem(CLI, authorized, API);

        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse tokens = response.toSuccessResponse();
        SignedJWT jwt = SignedJWT.parse(tokens.getTokens().getAccessToken().getValue());
        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        assertEquals(List.of(API.toString()), jwt.getJWTClaimsSet().getAudience(), "aud is exactly the resource");
        assertEquals("lanonasis-cli", jwt.getJWTClaimsSet().getStringClaim("client_id"));
        assertEquals("memories:read memories:write", jwt.getJWTClaimsSet().getStringClaim("scope"));
        assertNotNull(jwt.getJWTClaimsSet().getJWTID());
        assertNotNull(tokens.getTokens().getRefreshToken());

        String accessToken = tokens.getTokens().getAccessToken().getValue();
        assertEquals(200, restGet("/api/v1/memory", accessToken).statusCode());
        HttpResponse<String> noScope = restGet("/api/v1/auth/api-keys", accessToken);
        assertEquals(403, noScope.statusCode());
        assertTrue(noScope.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));
    }

    @Test
    void tokenForAnotherResourceIsRejectedByTheApi() {
        Authorized authorized = authorizeThroughPages(new Browser(base), MEMORIES, MCP);

        TokenResponse response = redeem(CLI, authorized);

        String accessToken = response.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(List.of(MCP.toString()), audience(accessToken));
        HttpResponse<String> rest = restGet("/api/v1/memory", accessToken);
        assertEquals(401, rest.statusCode());
        assertTrue(rest.body().contains("another resource"));
    }

    @Test
    void resourceThatWasNotAuthorizedIsInvalidTarget() {
        Authorized authorized = authorizeThroughPages(new Browser(base), MEMORIES, MCP);

        TokenResponse response = redeem(CLI, authorized, API);

        assertEquals("invalid_target", response.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void consentIsRememberedForTheSameScopes() {
        Browser browser = new Browser(base);
        authorizeThroughPages(browser, MEMORIES);

        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest again = request(CLI, verifier, new Scope("memories:read")).build();
        HttpResponse<String> direct = browser.get(again.toURI().toString());

        assertEquals(302, direct.statusCode(), "no second consent page");
        Authorized authorized = callback(Browser.location(direct), again.getState(), verifier);
        assertTrue(redeem(CLI, authorized).indicatesSuccess());

        HttpResponse<String> wider = browser.get(request(CLI, new CodeVerifier(),
                new Scope("memories:read", "memories:delete")).build().toURI().toString());
        assertEquals(200, wider.statusCode(), "more scopes need consent again");
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        Authorized authorized = authorizeThroughPages(new Browser(base), MEMORIES);
        AccessTokenResponse first = redeem(CLI, authorized).toSuccessResponse();
        RefreshToken original = first.getTokens().getRefreshToken();

        AccessTokenResponse second = refresh(original).toSuccessResponse();
        RefreshToken rotated = second.getTokens().getRefreshToken();
        assertNotEquals(original, rotated, "refresh tokens rotate");
        String secondAccess = second.getTokens().getAccessToken().getValue();
        assertEquals(200, restGet("/api/v1/memory", secondAccess).statusCode());

        TokenResponse reuse = refresh(original);
        assertEquals(OAuth2Error.INVALID_GRANT, reuse.toErrorResponse().getErrorObject());
        assertEquals(OAuth2Error.INVALID_GRANT, refresh(rotated).toErrorResponse().getErrorObject(),
                "the rotated token died with its family");
        assertEquals(401, restGet("/api/v1/memory", secondAccess).statusCode(), "and so did its access tokens");
    }

    @Test
    void refreshCanNarrowButNotWidenScope() {
        Authorized authorized = authorizeThroughPages(new Browser(base), MEMORIES);
        RefreshToken refreshToken = redeem(CLI, authorized).toSuccessResponse().getTokens().getRefreshToken();

        TokenResponse wider = send(new TokenRequest.Builder(endpoint("/oauth/token"), CLI,
                new RefreshTokenGrant(refreshToken)).scope(new Scope("memories:delete")).build());
        assertEquals(OAuth2Error.INVALID_SCOPE, wider.toErrorResponse().getErrorObject());

        TokenResponse narrower = send(new TokenRequest.Builder(endpoint("/oauth/token"), CLI,
                new RefreshTokenGrant(refreshToken)).scope(new Scope("memories:read")).build());
        assertEquals(new Scope("memories:read"), narrower.toSuccessResponse().getTokens().getAccessToken().getScope());
    }

    @Test
    void replayedCodeFailsAndRevokesWhatItIssued() {
        Authorized authorized = authorizeThroughPages(new Browser(base), MEMORIES);
        AccessTokenResponse first = redeem(CLI, authorized).toSuccessResponse();
        String accessToken = first.getTokens().getAccessToken().getValue();
        assertEquals(200, restGet("/api/v1/memory", accessToken).statusCode());

        TokenResponse replay = redeem(CLI, authorized);

        assertEquals(OAuth2Error.INVALID_GRANT, replay.toErrorResponse().getErrorObject());
        assertEquals(401, restGet("/api/v1/memory", accessToken).statusCode());
        assertEquals(OAuth2Error.INVALID_GRANT, refresh(first.getTokens().getRefreshToken())
                .toErrorResponse().getErrorObject());
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        Authorized authorized = authorizeThroughPages(new Browser(base), MEMORIES);

        TokenResponse response = redeem(CLI, new Authorized(authorized.code(), new CodeVerifier(),
                authorized.callbackParams()));

        assertEquals(OAuth2Error.INVALID_GRANT, response.toErrorResponse().getErrorObject());
    }

    @Test
    void codeRedeemedByAnotherClientIsInvalidGrant() {
        Authorized authorized = authorizeThroughPages(new Browser(base), MEMORIES);

        TokenResponse response = redeem(new ClientID("onasis-cli"), authorized);

        assertEquals(OAuth2Error.INVALID_GRANT, response.toErrorResponse().getErrorObject());
        assertEquals(OAuth2Error.INVALID_GRANT, redeem(CLI, authorized).toErrorResponse().getErrorObject(),
                "the code was burnt by the attempt");
    }

    @Test
    void unknownClientAtTheTokenEndpointIsInvalidClient() {
        TokenResponse response = redeem(new ClientID("no-such-client"), new Authorized(
                new com.nimbusds.oauth2.sdk.AuthorizationCode("x"), new CodeVerifier(), Map.of()));

        TokenErrorResponse error = response.toErrorResponse();
        assertEquals("invalid_client", error.getErrorObject().getCode());
        assertEquals(401, error.getErrorObject().getHTTPStatusCode());
    }

    @Test
    void plainPkceIsRefusedOnTheRedirect() {
        Browser browser = new Browser(base);
        String uri = endpoint("/oauth/authorize") + "?response_type=code&client_id=lanonasis-cli&redirect_uri="
                + CALLBACK + "&code_challenge=abcdefghijabcdefghijabcdefghijabcdefghijabc&code_challenge_method=plain"
                + "&state=s1";

        HttpResponse<String> response = browser.get(uri);

        assertEquals(302, response.statusCode());
        Map<String, String> params = query(Browser.location(response));
        assertEquals("invalid_request", params.get("error"));
        assertEquals("s1", params.get("state"));
        assertTrue(Browser.location(response).startsWith(CALLBACK.toString()));
    }

    @Test
    void missingPkceIsRefused() {
        String uri = endpoint("/oauth/authorize") + "?response_type=code&client_id=lanonasis-cli&redirect_uri="
                + CALLBACK + "&state=s2";

        assertEquals("invalid_request", query(Browser.location(new Browser(base).get(uri))).get("error"));
    }

    @Test
    void unregisteredRedirectIsShownNotFollowed() {
        for (String redirect : List.of("https://evil.example/callback", "http://127.0.0.1:5000/other",
                "http://127.0.0.1.evil.example/callback")) {
            AuthorizationRequest request = new AuthorizationRequest.Builder(
                    new com.nimbusds.oauth2.sdk.ResponseType("code"), CLI).endpointURI(endpoint("/oauth/authorize"))
                    .redirectionURI(URI.create(redirect)).codeChallenge(new CodeVerifier(),
                            com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256).build();

            HttpResponse<String> response = new Browser(base).get(request.toURI().toString());

            assertEquals(400, response.statusCode(), redirect);
            assertTrue(response.headers().firstValue("Location").isEmpty(), "never redirected to " + redirect);
            assertTrue(response.body().contains("redirect_uri is not registered"));
        }
    }

    @Test
    void unknownClientIsShownAsAPage() {
        HttpResponse<String> response = new Browser(base).get(endpoint("/oauth/authorize")
                + "?response_type=code&client_id=nobody&redirect_uri=" + CALLBACK);

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    }

    @Test
    void deniedConsentRedirectsWithAccessDenied() {
        Browser browser = new Browser(base);
        AuthorizationRequest request = request(CLI, new CodeVerifier(), MEMORIES).build();
        String back = browser.signIn(browser.get(request.toURI().toString()), email, password);
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(browser.get(back)));
        form.put("decision", "deny");

        HttpResponse<String> redirect = browser.post("/oauth/authorize/consent", form);

        Map<String, String> params = query(Browser.location(redirect));
        assertEquals("access_denied", params.get("error"));
        assertEquals(request.getState().getValue(), params.get("state"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Browser browser = new Browser(base);
        HttpResponse<String> loginPage = browser.get("/web/login");
        assertTrue(Browser.hiddenFields(loginPage).containsKey("csrf_token"));

        HttpResponse<String> login = browser.post("/web/login", Map.of("email", email, "password", password));
        assertEquals(403, login.statusCode());
        assertTrue(login.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith("onasis_session")));

        HttpResponse<String> forged = browser.post("/web/login", Map.of("email", email, "password", password,
                "csrf_token", "forged-token-forged-token-forged-token"));
        assertEquals(403, forged.statusCode());

        AuthorizationRequest request = request(CLI, new CodeVerifier(), MEMORIES).build();
        String back = browser.signIn(browser.get(request.toURI().toString()), email, password);
        Map<String, String> fields = new LinkedHashMap<>(Browser.hiddenFields(browser.get(back)));
        fields.remove("csrf_token");
        fields.put("decision", "approve");
        HttpResponse<String> consent = browser.post("/oauth/authorize/consent", fields);
        assertEquals(403, consent.statusCode());
        assertTrue(consent.headers().firstValue("Location").isEmpty());
    }

    @Test
    void loginNeverRedirectsOffSite() {
        for (String target : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)")) {
            Browser browser = new Browser(base);
            HttpResponse<String> page = browser.get("/web/login?return_to="
                    + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
            Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(page));
            form.put("return_to", target);
            form.put("email", email);
            form.put("password", password);

            HttpResponse<String> response = browser.post("/web/login", form);

            assertEquals(303, response.statusCode(), target);
            assertEquals("/web/login", Browser.location(response), target);
        }
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndRotatesAtLogin() {
        Browser browser = new Browser(base);
        HttpResponse<String> page = browser.get("/web/login");
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(page));
        form.put("email", email);
        form.put("password", password);

        String first = sessionCookie(browser.post("/web/login", form));
        form.putAll(Browser.hiddenFields(browser.get("/web/login?return_to=/web/login")));
        String second = sessionCookie(browser.post("/web/login", form));

        assertTrue(first.toLowerCase().contains("httponly") && first.contains("SameSite=Lax"), first);
        assertNotEquals(first.split(";")[0], second.split(";")[0], "a new id at every login");
        assertFalse(page.headers().firstValue("Content-Security-Policy").orElse("").contains("unsafe-inline"));
    }

    @Test
    void wrongPasswordOnTheLoginPageSaysSoWithoutASession() {
        Browser browser = new Browser(base);
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(browser.get("/web/login")));
        form.put("email", email);
        form.put("password", "not the password");

        HttpResponse<String> response = browser.post("/web/login", form);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("incorrect"));
        assertFalse(response.body().contains("not the password"));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("onasis_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.statusCode()));
    }

    private TokenResponse refresh(RefreshToken token) {
        return send(new TokenRequest.Builder(endpoint("/oauth/token"), CLI, new RefreshTokenGrant(token)).build());
    }
}
