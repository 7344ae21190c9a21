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
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17: an administrator sees a user's OAuth grants and ends them, or the whole account, at once. */
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
}
