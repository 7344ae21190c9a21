package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: an administrator sees a user's OAuth grants and ends them, or the whole account, at once;
 * manages registered clients (configured ones are read-only); lists and rotates signing keys.
 */
@MicronautTest
@Property(name = "onasis.admin.emails", value = "grants-admin@example.com")
class AdminGrantsTest extends OAuthTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "grants-admin@example.com";
    private static final String ADMIN_PASSWORD = "the admin's own password";

    private String admin;
    private String userId;

    @BeforeEach
    void signInAdmin() throws Exception {
        HttpResponse<String> registered = postJson("/v1/auth/register",
                "{\"email\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        assertTrue(registered.statusCode() == 201 || registered.statusCode() == 409, registered.body());
        admin = (String) JSON.readValue(postJson("/v1/auth/login",
                "{\"email\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null).body(), Map.class)
                .get("access_token");
        HttpResponse<String> found = restGet("/api/v1/admin/users?email=" + email, admin);
        assertEquals(200, found.statusCode(), found.body());
        List<?> users = (List<?>) JSON.readValue(found.body(), Map.class).get("users");
        userId = (String) ((Map<?, ?>) users.get(0)).get("id");
    }

    private HttpResponse<String> adminCall(String method, String path) {
        return send(HttpRequest.newBuilder(endpoint(path)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private TokenResponse refresh(AccessTokenResponse tokens) {
        return send(new TokenRequest.Builder(endpoint("/oauth/token"), CLI,
                new RefreshTokenGrant(tokens.getTokens().getRefreshToken())).build());
    }

    @Test
    void anAdminListsAUsersGrantsAndRevokingOneEndsItsTokensAtOnce() throws Exception {
        AccessTokenResponse kept = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse();
        AccessTokenResponse ended = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse();

        HttpResponse<String> listed = adminCall("GET", "/api/v1/admin/users/" + userId + "/grants");
        assertEquals(200, listed.statusCode(), listed.body());
        List<?> grants = (List<?>) JSON.readValue(listed.body(), Map.class).get("grants");
        assertEquals(2, grants.size(), listed.body());
        Map<?, ?> newest = (Map<?, ?>) grants.get(0);
        assertEquals("lanonasis-cli", newest.get("client_id"));
        assertEquals(List.of("memories:read"), newest.get("scopes"));
        for (String secret : List.of(kept.getTokens().getAccessToken().getValue(),
                kept.getTokens().getRefreshToken().getValue())) {
            assertFalse(listed.body().contains(secret), "no token in the listing");
        }

        // newest first: the second authorization is the one to end (kept working below proves it was not the other)
        String endedFamily = (String) newest.get("family_id");
        HttpResponse<String> revoked = adminCall("DELETE", "/api/v1/admin/users/" + userId + "/grants/" + endedFamily);
        assertEquals(200, revoked.statusCode(), revoked.body());

        assertEquals(401, restGet("/api/v1/memory", ended.getTokens().getAccessToken().getValue()).statusCode());
        assertEquals(OAuth2Error.INVALID_GRANT, refresh(ended).toErrorResponse().getErrorObject());
        assertEquals(200, restGet("/api/v1/memory", kept.getTokens().getAccessToken().getValue()).statusCode(),
                "the other grant is untouched");
        assertEquals(404, adminCall("DELETE", "/api/v1/admin/users/" + userId + "/grants/" + endedFamily)
                .statusCode(), "already revoked");
        assertEquals(404, adminCall("DELETE", "/api/v1/admin/users/" + userId + "/grants/nope").statusCode());

        HttpResponse<String> all = adminCall("DELETE", "/api/v1/admin/users/" + userId + "/grants");
        assertEquals(Map.of("revoked", 1), JSON.readValue(all.body(), Map.class));
        assertEquals(401, restGet("/api/v1/memory", kept.getTokens().getAccessToken().getValue()).statusCode());
        assertEquals("[]", JSON.readValue(adminCall("GET", "/api/v1/admin/users/" + userId + "/grants").body(),
                Map.class).get("grants").toString());
    }

    @Test
    void disablingAUserEndsTheirBrowserSessionAndOAuthTokensAndRefreshFamilies() throws Exception {
        Browser browser = new Browser(base);
        AccessTokenResponse tokens = redeem(CLI, authorizeThroughPages(browser, new Scope("memories:read")))
                .toSuccessResponse();
        assertTrue(browser.get("/web/login").body().contains("Signed in as " + email));

        HttpResponse<String> disabled = adminCall("POST", "/api/v1/admin/users/" + userId + "/disable");
        assertEquals(200, disabled.statusCode(), disabled.body());

        assertEquals(401, restGet("/api/v1/memory", tokens.getTokens().getAccessToken().getValue()).statusCode());
        assertEquals(OAuth2Error.INVALID_GRANT, refresh(tokens).toErrorResponse().getErrorObject());
        assertFalse(browser.get("/web/login").body().contains("Signed in as " + email), "the session ended");

        adminCall("POST", "/api/v1/admin/users/" + userId + "/enable");
        assertEquals(401, restGet("/api/v1/memory", tokens.getTokens().getAccessToken().getValue()).statusCode(),
                "OAuth tokens were revoked, not suspended: the apps must ask again");
    }

    private ClientInformation registerService() throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("service");
        metadata.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        metadata.setResponseTypes(Set.of());
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        metadata.setScope(new Scope("memories:read"));
        HTTPResponse http = new ClientRegistrationRequest(endpoint("/register"), metadata, null).toHTTPRequest().send();
        assertEquals(201, http.getStatusCode(), http.getBody());
        return ClientInformationResponse.parse(http).getClientInformation();
    }

    private TokenResponse clientToken(ClientInformation client) {
        return send(new TokenRequest.Builder(endpoint("/oauth/token"),
                new ClientSecretBasic(client.getID(), client.getSecret()), new ClientCredentialsGrant()).build());
    }

    private boolean active(ClientInformation client, String token) throws Exception {
        HttpResponse<String> introspected = send(HttpRequest.newBuilder(endpoint("/oauth/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (client.getID() + ":" + client.getSecret().getValue()).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build());
        return Boolean.TRUE.equals(JSON.readValue(introspected.body(), Map.class).get("active"));
    }

    @Test
    void registeredClientsCanBeDisabledEnabledAndDeletedButConfiguredOnesAreReadOnly() throws Exception {
        ClientInformation client = registerService();
        String id = client.getID().getValue();
        String token = clientToken(client).toSuccessResponse().getTokens().getAccessToken().getValue();
        assertTrue(active(client, token));

        HttpResponse<String> listed = adminCall("GET", "/api/v1/admin/clients?limit=200");
        assertEquals(200, listed.statusCode(), listed.body());
        List<?> clients = (List<?>) JSON.readValue(listed.body(), Map.class).get("clients");
        Map<?, ?> cli = clients.stream().map(c -> (Map<?, ?>) c).filter(c -> "lanonasis-cli".equals(c.get("client_id")))
                .findFirst().orElseThrow();
        assertEquals(true, cli.get("configured"));
        Map<?, ?> mine = clients.stream().map(c -> (Map<?, ?>) c).filter(c -> id.equals(c.get("client_id")))
                .findFirst().orElseThrow();
        assertEquals(false, mine.get("configured"));
        assertFalse(listed.body().contains(client.getSecret().getValue()), "no secret listed");
        assertFalse(listed.body().contains("secret_hash"));

        HttpResponse<String> disabled = adminCall("POST", "/api/v1/admin/clients/" + id + "/disable");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(true, JSON.readValue(disabled.body(), Map.class).get("disabled"));
        assertEquals(OAuth2Error.INVALID_CLIENT, clientToken(client).toErrorResponse().getErrorObject());

        assertEquals(200, adminCall("POST", "/api/v1/admin/clients/" + id + "/enable").statusCode());
        String again = clientToken(client).toSuccessResponse().getTokens().getAccessToken().getValue();
        assertFalse(active(client, token), "tokens issued before the disable stay revoked");
        assertTrue(active(client, again));

        HttpResponse<String> deleted = adminCall("DELETE", "/api/v1/admin/clients/" + id);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(OAuth2Error.INVALID_CLIENT, clientToken(client).toErrorResponse().getErrorObject());
        assertEquals(404, adminCall("GET", "/api/v1/admin/clients/" + id).statusCode());
        assertEquals(404, adminCall("DELETE", "/api/v1/admin/clients/" + id).statusCode());

        for (String[] call : new String[][] {{"POST", "/disable"}, {"POST", "/enable"}, {"DELETE", ""}}) {
            HttpResponse<String> refused = adminCall(call[0], "/api/v1/admin/clients/lanonasis-cli" + call[1]);
            assertEquals(409, refused.statusCode(), refused.body());
            assertEquals("configured_client", JSON.readValue(refused.body(), Map.class).get("error"));
        }
        assertEquals(200, adminCall("GET", "/api/v1/admin/clients/lanonasis-cli").statusCode());

        HttpResponse<String> audit = adminCall("GET", "/api/v1/admin/audit?client=" + id);
        List<?> types = ((List<?>) JSON.readValue(audit.body(), Map.class).get("events")).stream()
                .map(e -> ((Map<?, ?>) e).get("type")).toList();
        assertTrue(types.containsAll(List.of("CLIENT_DISABLED", "CLIENT_ENABLED", "CLIENT_DELETED")), types.toString());

        HttpResponse<String> userTries = send(HttpRequest.newBuilder(endpoint("/api/v1/admin/clients"))
                .header("Authorization", "Bearer " + JSON.readValue(postJson("/v1/auth/login",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null).body(), Map.class)
                        .get("access_token")).GET().build());
        assertEquals(403, userTries.statusCode());
    }

    @Test
    void signingKeysAreListedWithoutPrivatePartsAndRotatedOnBothRoutes() throws Exception {
        HttpResponse<String> before = adminCall("GET", "/api/v1/admin/keys");
        assertEquals(200, before.statusCode(), before.body());
        assertFalse(before.body().contains("\"d\""), "no private key material");
        HttpResponse<String> rotated = adminCall("POST", "/api/v1/admin/keys/rotate");
        assertEquals(200, rotated.statusCode(), rotated.body());
        String kid = (String) JSON.readValue(rotated.body(), Map.class).get("kid");
        List<?> keys = (List<?>) JSON.readValue(adminCall("GET", "/api/v1/admin/keys").body(), Map.class).get("keys");
        Map<?, ?> newest = (Map<?, ?>) keys.stream().filter(k -> kid.equals(((Map<?, ?>) k).get("kid")))
                .findFirst().orElseThrow();
        assertEquals(true, newest.get("signs"));
        assertTrue(keys.stream().anyMatch(k -> ((Map<?, ?>) k).get("retired_at") != null), "the old key is retired");
        String newToken = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(kid, com.nimbusds.jwt.SignedJWT.parse(newToken).getHeader().getKeyID());

        assertEquals(200, adminCall("POST", "/admin/keys/rotate").statusCode(), "the older route still works");
        HttpResponse<String> audit = adminCall("GET", "/api/v1/admin/audit?type=signing_key_rotated");
        assertEquals(2, ((List<?>) JSON.readValue(audit.body(), Map.class).get("events")).size(), audit.body());
    }
}
