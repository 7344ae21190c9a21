package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scope step-up as MCP clients do it: register with the scopes of the 401 challenge, meet
 * {@code insufficient_scope} on delete, authorize again asking for more, the person consents.
 */
@MicronautTest
class StepUpForRegisteredClientsTest extends OAuthTestSupport {

    private static final URI REDIRECT = URI.create("http://localhost:61001/callback");
    private static final URI API = URI.create("http://localhost:4000/api/v1");

    @Test
    void aRegisteredClientStepsUpToDeleteThroughLoginAndConsent() throws Exception {
        ClientID client = register("memories:read memories:write");
        Browser browser = new Browser(base);
        String first = token(browser, client, new Scope("memories:read", "memories:write"), true);
        HttpResponse<String> created = postJson("/api/v1/memory", "{\"title\":\"t\",\"content\":\"c\"}", first);
        assertEquals(201, created.statusCode(), created.body());
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> refused = delete("/api/v1/memory/" + id, first);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("memories:delete"));

        String stepped = token(browser, client, new Scope("memories:read", "memories:write", "memories:delete"), true);

        assertEquals("memories:delete memories:read memories:write",
                SignedJWT.parse(stepped).getJWTClaimsSet().getStringClaim("scope"));
        assertEquals(204, delete("/api/v1/memory/" + id, stepped).statusCode());
    }

    @Test
    void aRegisteredClientStillCannotAskForAdmin() throws Exception {
        ClientID client = register("memories:read");
        Browser browser = new Browser(base);
        browser.signIn(browser.get("/oauth/device"), email, password);
        AuthorizationRequest request = authorization(client, new CodeVerifier(), new Scope("memories:read", "admin"));

        HttpResponse<String> answer = browser.get(request.toURI().toString());

        assertEquals(302, answer.statusCode(), answer.body());
        assertEquals("invalid_scope", query(Browser.location(answer)).get("error"));
    }

    /** Runs authorize → (login) → consent → code → token and returns the access token. */
    private String token(Browser browser, ClientID client, Scope scope, boolean consentExpected) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = authorization(client, verifier, scope);
        HttpResponse<String> answer = browser.get(request.toURI().toString());
        if (answer.statusCode() == 303) {
            answer = browser.get(browser.signIn(answer, email, password));
        }
        assertEquals(consentExpected ? 200 : 302, answer.statusCode(), answer.body());
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(answer));
        form.put("decision", "approve");
        HttpResponse<String> redirect = browser.post("/oauth/authorize/consent", form);
        assertEquals(302, redirect.statusCode(), redirect.body());
        Authorized authorized = callback(Browser.location(redirect), request.getState(), verifier);
        TokenResponse response = send(new TokenRequest.Builder(endpoint("/oauth/token"), client,
                new AuthorizationCodeGrant(authorized.code(), REDIRECT, verifier)).resources(API).build());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    private AuthorizationRequest authorization(ClientID client, CodeVerifier verifier, Scope scope) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client)
                .endpointURI(endpoint("/oauth/authorize")).redirectionURI(REDIRECT).scope(scope).state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256).resources(API).build();
    }

    private ClientID register(String scope) throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("Step-up MCP client");
        metadata.setRedirectionURI(URI.create("http://localhost/callback"));
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        metadata.setScope(Scope.parse(scope));
        HTTPResponse http = new ClientRegistrationRequest(endpoint("/register"), metadata, null).toHTTPRequest().send();
        assertEquals(201, http.getStatusCode(), http.getBody());
        ClientInformation information = ClientInformationResponse.parse(http).getClientInformation();
        return information.getID();
    }

    private HttpResponse<String> delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(endpoint(path)).header("Authorization", "Bearer " + bearer).DELETE().build());
    }
}
