package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** Shared steps of the OAuth tests: a user, a browser, and the code flow driven through the real pages. */
abstract class OAuthTestSupport {

    static final ClientID CLI = new ClientID("lanonasis-cli");
    static final URI CALLBACK = URI.create("http://127.0.0.1:49152/callback");

    @Inject
    EmbeddedServer server;

    URI base;
    String email;
    String password;

    @BeforeEach
    void newUser() {
        base = server.getURI();
        email = "oauth-" + UUID.randomUUID() + "@example.com";
        password = "pass " + UUID.randomUUID();
        HttpResponse<String> registered = postJson("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        assertEquals(201, registered.statusCode(), registered.body());
    }

    URI endpoint(String path) {
        return base.resolve(path);
    }

    record Authorized(AuthorizationCode code, CodeVerifier verifier, Map<String, String> callbackParams) {
    }

    AuthorizationRequest.Builder request(ClientID client, CodeVerifier verifier, Scope scope, URI... resources) {
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                client).endpointURI(endpoint("/oauth/authorize")).redirectionURI(CALLBACK).scope(scope)
                .state(new State()).codeChallenge(verifier, CodeChallengeMethod.S256);
        if (resources.length > 0) {
            builder.resources(resources);
        }
        return builder;
    }

    /** Runs the whole browser part: authorize → login → consent → callback with a code. */
    Authorized authorizeThroughPages(Browser browser, Scope scope, URI... resources) {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = request(CLI, verifier, scope, resources).build();
        HttpResponse<String> first = browser.get(request.toURI().toString());
        assertEquals(303, first.statusCode(), first.body());
        String back = browser.signIn(first, email, password);
        HttpResponse<String> consent = browser.get(back);
        if (consent.statusCode() == 302) {
            return callback(Browser.location(consent), request.getState(), verifier); // consent remembered
        }
        assertEquals(200, consent.statusCode(), consent.body());
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(consent));
        form.put("decision", "approve");
        HttpResponse<String> redirect = browser.post("/oauth/authorize/consent", form);
        assertEquals(302, redirect.statusCode(), redirect.body());
        return callback(Browser.location(redirect), request.getState(), verifier);
    }

    Authorized callback(String location, State expectedState, CodeVerifier verifier) {
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(URI.create(location));
            assertEquals(true, response.indicatesSuccess(), location);
            assertEquals(expectedState, response.getState());
            return new Authorized(response.toSuccessResponse().getAuthorizationCode(), verifier, query(location));
        } catch (ParseException e) {
            throw new AssertionError("not an authorization response: " + location, e);
        }
    }

    TokenResponse redeem(ClientID client, Authorized authorized, URI... resources) {
        TokenRequest.Builder builder = new TokenRequest.Builder(endpoint("/oauth/token"), client,
                new AuthorizationCodeGrant(authorized.code(), CALLBACK, authorized.verifier()));
        if (resources.length > 0) {
            builder.resources(resources);
        }
        return send(builder.build());
    }

    static TokenResponse send(TokenRequest request) {
        try {
            return TokenResponse.parse(request.toHTTPRequest().send());
        } catch (IOException | ParseException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, String> query(String uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(uri).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }

    HttpResponse<String> restGet(String path, String bearer) {
        return send(HttpRequest.newBuilder(endpoint(path)).header("Authorization", "Bearer " + bearer).GET().build());
    }

    HttpResponse<String> postJson(String path, String json, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> audience(String accessToken) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet().getAudience();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
