package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.lanonasis.gateway.adapters.persistence.cache.CredentialCache;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "onasis.oauth.registrations-per-minute", value = "3")
class AuditAndKeysTest extends OAuthTestSupport {

    @Inject
    HikariDataSource database;

    /** The role is changed by SQL here, around the service: its credential cache is told, as an operator would. */
    @Inject
    CredentialCache credentialCache;

    @Test
    void flowsAreAuditedWithoutSecrets() throws Exception {
        Authorized authorized = authorizeThroughPages(new Browser(base), new Scope("memories:read"));
        AccessTokenResponse tokens = redeem(CLI, authorized).toSuccessResponse();
        send(new TokenRequest.Builder(endpoint("/oauth/token"), CLI,
                new RefreshTokenGrant(tokens.getTokens().getRefreshToken())).build());
        send(new TokenRequest.Builder(endpoint("/oauth/token"), CLI,
                new RefreshTokenGrant(tokens.getTokens().getRefreshToken())).build());
        postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong password\"}", null);

        List<String> types = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT type, user_id, client_id, details FROM audit_events ORDER BY id")) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    types.add(row.getString(1));
                    rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4));
                }
            }
        }
        for (String expected : List.of("LOGIN_SUCCEEDED", "CONSENT_GRANTED", "TOKEN_ISSUED", "TOKEN_REFRESHED",
                "REFRESH_REUSE_DETECTED", "LOGIN_FAILED")) {
            assertTrue(types.contains(expected), expected + " in " + types);
        }
        String all = String.join("\n", rows);
        for (String secret : List.of(password, tokens.getTokens().getAccessToken().getValue(),
                tokens.getTokens().getRefreshToken().getValue(), authorized.code().getValue(), "wrong password")) {
            assertFalse(all.contains(secret), "a secret reached the audit log");
        }
    }

    @Test
    void adminRotatesTheSigningKeyAndOldTokensStayValid() throws Exception {
        String oldToken = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse().getTokens().getAccessToken().getValue();
        String userToken = login();
        assertEquals(403, postJson("/admin/keys/rotate", "{}", userToken).statusCode(), "users cannot rotate");

        try (Connection connection = database.getConnection();
             PreparedStatement promote = connection.prepareStatement("UPDATE users SET role = 'admin' WHERE email = ?")) {
            promote.setString(1, email);
            assertEquals(1, promote.executeUpdate());
        }
        credentialCache.forgetAll();
        HttpResponse<String> rotated = postJson("/admin/keys/rotate", "{}", login());
        assertEquals(200, rotated.statusCode(), rotated.body());

        String newToken = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read")))
                .toSuccessResponse().getTokens().getAccessToken().getValue();
        String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();
        String newKid = SignedJWT.parse(newToken).getHeader().getKeyID();
        assertTrue(!oldKid.equals(newKid), "signed with the new key");
        JWKSet keys = JWKSet.parse(send(HttpRequest.newBuilder(endpoint("/oauth/jwks.json")).GET().build()).body());
        assertTrue(keys.getKeyByKeyId(oldKid) != null && keys.getKeyByKeyId(newKid) != null);
        assertEquals(200, restGet("/api/v1/memory", oldToken).statusCode(), "old tokens live until they expire");
        assertEquals(200, restGet("/api/v1/memory", newToken).statusCode());
    }

    @Test
    void registrationIsRateLimitedPerAddress() {
        int created = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = postJson("/register", "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                    + "\"token_endpoint_auth_method\":\"none\"}", null);
            if (last.statusCode() == 201) {
                created++;
            }
        }
        assertTrue(created <= 3, "at most the configured 3 per minute, got " + created);
        assertEquals(429, last.statusCode());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) > 0);
    }

    private String login() throws Exception {
        HttpResponse<String> login = postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        return (String) new com.fasterxml.jackson.databind.ObjectMapper().readValue(login.body(), Map.class)
                .get("access_token");
    }
}
