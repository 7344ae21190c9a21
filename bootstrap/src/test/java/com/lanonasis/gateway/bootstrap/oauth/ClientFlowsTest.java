package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientDeleteRequest;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientReadRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.client.ClientUpdateRequest;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dynamic registration and management, client credentials, introspection and revocation, driven by Nimbus. */
@MicronautTest
class ClientFlowsTest extends OAuthTestSupport {

    static final URI API = URI.create("http://localhost:4000/api/v1");

    @Test
    void confidentialClientRegistersAndGetsClientCredentialsTokens() throws Exception {
        ClientInformation client = registerService("memories:read api-keys:read");
        assertNotNull(client.getSecret(), "a confidential client gets its secret once");
        assertNotNull(client.getRegistrationAccessToken());
        assertTrue(client.getRegistrationURI().toString().endsWith("/register/" + client.getID()));

        TokenResponse response = send(new TokenRequest.Builder(endpoint("/oauth/token"), basic(client),
                new ClientCredentialsGrant()).scope(new Scope("memories:read")).resource(API).build());

        AccessTokenResponse tokens = response.toSuccessResponse();
        assertNull(tokens.getTokens().getRefreshToken(), "no refresh token for client credentials");
        assertEquals(new Scope("memories:read"), tokens.getTokens().getAccessToken().getScope());
        assertEquals(List.of(API.toString()), audience(tokens.getTokens().getAccessToken().getValue()));
    }

    @Test
    void clientSecretPostWorksToo() throws Exception {
        ClientInformation client = registerService("memories:read");

        TokenResponse response = send(new TokenRequest.Builder(endpoint("/oauth/token"),
                new ClientSecretPost(client.getID(), client.getSecret()), new ClientCredentialsGrant()).build());

        assertTrue(response.indicatesSuccess());
    }

    @Test
    void wrongSecretAndPublicClientsCannotUseClientCredentials() throws Exception {
        ClientInformation client = registerService("memories:read");

        TokenResponse wrong = send(new TokenRequest.Builder(endpoint("/oauth/token"),
                new ClientSecretBasic(client.getID(), new Secret("not-the-secret")), new ClientCredentialsGrant()).build());
        assertEquals("invalid_client", wrong.toErrorResponse().getErrorObject().getCode());
        assertEquals(401, wrong.toErrorResponse().getErrorObject().getHTTPStatusCode());

        // Nimbus will not even build this request; a raw form post shows the server refuses it too
        java.net.http.HttpResponse<String> publicClient = send(java.net.http.HttpRequest.newBuilder(
                endpoint("/oauth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=lanonasis-cli")).build());
        assertEquals(401, publicClient.statusCode());
        assertTrue(publicClient.body().contains("\"invalid_client\""));

        TokenResponse tooWide = send(new TokenRequest.Builder(endpoint("/oauth/token"), basic(client),
                new ClientCredentialsGrant()).scope(new Scope("memories:write")).build());
        assertEquals(OAuth2Error.INVALID_SCOPE, tooWide.toErrorResponse().getErrorObject());

        TokenResponse unknownResource = send(new TokenRequest.Builder(endpoint("/oauth/token"), basic(client),
                new ClientCredentialsGrant()).resource(URI.create("https://elsewhere.example/api")).build());
        assertEquals("invalid_target", unknownResource.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void introspectionTellsActiveFromRevoked() throws Exception {
        ClientInformation client = registerService("memories:read");
        AccessToken token = clientToken(client);

        TokenIntrospectionSuccessResponse active = introspect(client, token);
        assertTrue(active.isActive());
        assertEquals(client.getID(), active.getClientID());
        assertEquals(new Scope("memories:read"), active.getScope());
        assertNotNull(active.getExpirationTime());

        HTTPResponse revoked = new TokenRevocationRequest(endpoint("/oauth/revoke"), basic(client), token)
                .toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        assertFalse(introspect(client, token).isActive());
        assertFalse(introspect(client, new BearerAccessToken("garbage")).isActive());
    }

    @Test
    void introspectionNeedsAnAuthenticatedConfidentialClient() throws Exception {
        ClientInformation client = registerService("memories:read");
        AccessToken token = clientToken(client);

        HTTPResponse anonymous = new TokenIntrospectionRequest(endpoint("/oauth/introspect"), token)
                .toHTTPRequest().send();
        assertEquals(401, anonymous.getStatusCode());

        HTTPResponse wrongSecret = new TokenIntrospectionRequest(endpoint("/oauth/introspect"),
                new ClientSecretBasic(client.getID(), new Secret("wrong")), token).toHTTPRequest().send();
        assertEquals(401, wrongSecret.getStatusCode());
        assertTrue(wrongSecret.getHeaderValue("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void revokingAnotherClientsTokenDoesNothing() throws Exception {
        ClientInformation owner = registerService("memories:read");
        ClientInformation other = registerService("memories:read");
        AccessToken token = clientToken(owner);

        HTTPResponse response = new TokenRevocationRequest(endpoint("/oauth/revoke"), basic(other), token)
                .toHTTPRequest().send();

        assertEquals(200, response.getStatusCode(), "RFC 7009: answered alike");
        assertTrue(introspect(owner, token).isActive());
    }

    @Test
    void registrationIsManageableWithItsAccessToken() throws Exception {
        ClientInformation client = registerPublic();
        // the URI names the configured issuer; this test's server listens on a random port
        URI registration = endpoint(client.getRegistrationURI().getPath());

        ClientRegistrationResponse read = ClientRegistrationResponse.parse(new ClientReadRequest(
                registration, client.getRegistrationAccessToken()).toHTTPRequest().send());
        assertEquals(client.getID(), ((ClientInformationResponse) read).getClientInformation().getID());

        ClientMetadata changed = client.getMetadata();
        changed.setName("Renamed");
        changed.setRedirectionURIs(Set.of(URI.create("http://localhost/cb2")));
        ClientRegistrationResponse updated = ClientRegistrationResponse.parse(new ClientUpdateRequest(
                registration, client.getID(), client.getRegistrationAccessToken(), changed, null)
                .toHTTPRequest().send());
        assertTrue(updated.indicatesSuccess(), () -> updated.toErrorResponse().getErrorObject().toString());
        ClientMetadata after = ((ClientInformationResponse) updated).getClientInformation().getMetadata();
        assertEquals("Renamed", after.getName());
        assertEquals(Set.of(URI.create("http://localhost/cb2")), after.getRedirectionURIs());

        HTTPResponse wrongToken = new ClientReadRequest(registration,
                new BearerAccessToken("not-the-token")).toHTTPRequest().send();
        assertEquals(401, wrongToken.getStatusCode());

        HTTPResponse deleted = new ClientDeleteRequest(registration,
                client.getRegistrationAccessToken()).toHTTPRequest().send();
        assertEquals(204, deleted.getStatusCode());
        assertEquals(401, new ClientReadRequest(registration, client.getRegistrationAccessToken())
                .toHTTPRequest().send().getStatusCode());
        TokenResponse afterDelete = send(new TokenRequest.Builder(endpoint("/oauth/token"), client.getID(),
                new com.nimbusds.oauth2.sdk.RefreshTokenGrant(new com.nimbusds.oauth2.sdk.token.RefreshToken("x")))
                .build());
        assertEquals("invalid_client", afterDelete.toErrorResponse().getErrorObject().getCode(),
                "a forgotten client is told to register again");
    }

    @Test
    void registrationRejectsUnsafeRedirectsAndAdminScope() throws Exception {
        ClientMetadata plainHttp = new ClientMetadata();
        plainHttp.setRedirectionURI(URI.create("http://evil.example/callback"));
        ClientRegistrationResponse http = ClientRegistrationResponse.parse(new ClientRegistrationRequest(
                endpoint("/register"), plainHttp, null).toHTTPRequest().send());
        assertEquals(RegistrationError.INVALID_REDIRECT_URI.getCode(),
                ((ClientRegistrationErrorResponse) http).getErrorObject().getCode());

        ClientMetadata admin = new ClientMetadata();
        admin.setRedirectionURI(URI.create("https://app.example/callback"));
        admin.setScope(new Scope("admin"));
        ClientRegistrationResponse adminResponse = ClientRegistrationResponse.parse(new ClientRegistrationRequest(
                endpoint("/register"), admin, null).toHTTPRequest().send());
        assertEquals(RegistrationError.INVALID_CLIENT_METADATA.getCode(),
                ((ClientRegistrationErrorResponse) adminResponse).getErrorObject().getCode());
    }

    @Test
    void dynamicallyRegisteredPublicClientCompletesTheCodeFlow() throws Exception {
        ClientInformation client = registerPublic();
        Browser browser = new Browser(base);
        com.nimbusds.oauth2.sdk.pkce.CodeVerifier verifier = new com.nimbusds.oauth2.sdk.pkce.CodeVerifier();
        var request = new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(
                new com.nimbusds.oauth2.sdk.ResponseType("code"), client.getID())
                .endpointURI(endpoint("/oauth/authorize")).redirectionURI(URI.create("http://localhost:61000/cb"))
                .state(new com.nimbusds.oauth2.sdk.id.State())
                .codeChallenge(verifier, com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256).build();
        String back = browser.signIn(browser.get(request.toURI().toString()), email, password);
        var fields = new java.util.LinkedHashMap<>(Browser.hiddenFields(browser.get(back)));
        fields.put("decision", "approve");
        Authorized authorized = callback(Browser.location(browser.post("/oauth/authorize/consent", fields)),
                request.getState(), verifier);

        TokenResponse response = send(new TokenRequest.Builder(endpoint("/oauth/token"), client.getID(),
                new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(authorized.code(),
                        URI.create("http://localhost:61000/cb"), verifier)).build());

        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
    }

    private ClientInformation registerService(String scope) throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("service");
        metadata.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        metadata.setResponseTypes(Set.of());
        metadata.setTokenEndpointAuthMethod(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        metadata.setScope(new Scope(scope.split(" ")));
        return register(metadata);
    }

    private ClientInformation registerPublic() throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("An MCP client");
        metadata.setRedirectionURI(URI.create("http://localhost/cb"));
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setTokenEndpointAuthMethod(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.NONE);
        return register(metadata);
    }

    private ClientInformation register(ClientMetadata metadata) throws Exception {
        HTTPResponse http = new ClientRegistrationRequest(endpoint("/register"), metadata, null).toHTTPRequest().send();
        assertEquals(201, http.getStatusCode(), http.getBody());
        assertEquals("no-store", http.getCacheControl());
        return ClientInformationResponse.parse(http).getClientInformation();
    }

    private static ClientAuthentication basic(ClientInformation client) {
        return new ClientSecretBasic(client.getID(), client.getSecret());
    }

    private AccessToken clientToken(ClientInformation client) {
        return send(new TokenRequest.Builder(endpoint("/oauth/token"), basic(client), new ClientCredentialsGrant())
                .build()).toSuccessResponse().getTokens().getAccessToken();
    }

    private TokenIntrospectionSuccessResponse introspect(ClientInformation client, AccessToken token) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                endpoint("/oauth/introspect"), basic(client), token).toHTTPRequest().send());
        return response.toSuccessResponse();
    }

    static ClientID id(String value) {
        return new ClientID(value);
    }
}
