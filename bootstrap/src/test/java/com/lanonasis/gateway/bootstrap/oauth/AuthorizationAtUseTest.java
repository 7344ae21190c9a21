package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.lanonasis.gateway.adapters.persistence.cache.CredentialCache;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: authorization is decided when a credential is used, not when it was minted; each
 * resource accepts only the credentials issued for it; /legacy/exchange and introspection
 * answer only the clients entitled to an answer.
 */
@MicronautTest
class AuthorizationAtUseTest extends OAuthTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HikariDataSource database;

    /** The role is changed by SQL here, around the service: its credential cache is told, as an operator would. */
    @Inject
    CredentialCache credentialCache;

    @Test
    void aDemotedAdminLosesAdminAtOnceThroughOldLoginTokensAndKeysAndCannotMintAdminKeys() throws Exception {
        setRole("admin");
        String adminLogin = login();
        HttpResponse<String> adminKey = postJson("/api/v1/api-keys",
                "{\"name\":\"ops\",\"scopes\":[\"admin\",\"memories:read\"]}", adminLogin);
        assertEquals(201, adminKey.statusCode(), adminKey.body());
        String key = (String) JSON.readValue(adminKey.body(), Map.class).get("key");

        setRole("user");

        assertEquals(403, postJson("/admin/keys/rotate", "{}", adminLogin).statusCode(), "old login token");
        assertEquals(403, send(HttpRequest.newBuilder(endpoint("/admin/keys/rotate")).header("X-API-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build())
                .statusCode(), "admin key minted before the demotion");
        HttpResponse<String> minted = postJson("/api/v1/api-keys", "{\"name\":\"again\",\"scopes\":[\"admin\"]}",
                adminLogin);
        assertEquals(400, minted.statusCode(), minted.body());
        Map<?, ?> session = JSON.readValue(restGet("/v1/auth/session", adminLogin).body(), Map.class);
        assertFalse(((List<?>) session.get("scopes")).contains("admin"), session.toString());
        assertEquals("user", ((Map<?, ?>) session.get("user")).get("role"));
    }

    @Test
    void theLoginTokenHasNoAudienceSoMcpRefusesItAndVerifyChecksAudienceLikeSession() throws Exception {
        String loginToken = login();
        HttpResponse<String> atMcp = mcpInitialize(loginToken);
        assertEquals(401, atMcp.statusCode(), atMcp.body());
        assertTrue(atMcp.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertEquals(200, restGet("/api/v1/memory", loginToken).statusCode(), "the REST API takes it");

        URI mcp = URI.create("http://localhost:4000/mcp");
        String mcpToken = redeem(CLI, authorizeThroughPages(new Browser(base), new Scope("memories:read"), mcp), mcp)
                .toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(List.of("http://localhost:4000/mcp"), audience(mcpToken));
        assertEquals(200, mcpInitialize(mcpToken).statusCode());

        assertEquals(401, restGet("/v1/auth/session", mcpToken).statusCode());
        HttpResponse<String> verified = postJson("/v1/auth/verify", "{\"token\":\"" + mcpToken + "\"}", null);
        assertEquals(401, verified.statusCode(), verified.body());
        assertEquals("invalid_token", JSON.readValue(verified.body(), Map.class).get("error"));
        assertEquals(200, postJson("/v1/auth/verify", "{\"token\":\"" + loginToken + "\"}", null).statusCode());
    }

    @Test
    void legacyExchangeNeedsTheClientsOwnAuthenticationAndAUserGrant() throws Exception {
        String loginToken = login();
        Map<?, ?> confidential = register("{\"client_name\":\"web app\",\"redirect_uris\":[\"https://app.example/cb\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_basic\"}");
        String id = (String) confidential.get("client_id");
        String secret = (String) confidential.get("client_secret");

        HttpResponse<String> withoutSecret = postJson("/legacy/exchange",
                "{\"token\":\"" + loginToken + "\",\"client_id\":\"" + id + "\"}", null);
        assertEquals(401, withoutSecret.statusCode(), withoutSecret.body());
        assertTrue(withoutSecret.body().contains("invalid_client"));
        HttpResponse<String> wrongSecret = postJson("/legacy/exchange", "{\"token\":\"" + loginToken
                + "\",\"client_id\":\"" + id + "\",\"client_secret\":\"guess\"}", null);
        assertEquals(401, wrongSecret.statusCode());
        HttpResponse<String> withBasic = send(HttpRequest.newBuilder(endpoint("/legacy/exchange"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + loginToken + "\"}")).build());
        assertEquals(200, withBasic.statusCode(), withBasic.body());

        Map<?, ?> service = register("{\"client_name\":\"service\",\"grant_types\":[\"client_credentials\"],"
                + "\"response_types\":[],\"token_endpoint_auth_method\":\"client_secret_post\"}");
        HttpResponse<String> machineOnly = postJson("/legacy/exchange", "{\"token\":\"" + loginToken
                + "\",\"client_id\":\"" + service.get("client_id") + "\",\"client_secret\":\""
                + service.get("client_secret") + "\"}", null);
        assertEquals(400, machineOnly.statusCode(), machineOnly.body());
        assertTrue(machineOnly.body().contains("unauthorized_client"), machineOnly.body());
    }

    @Test
    void theRefreshGrantOfAnExchangeEndsWhenTheLoginTokenWouldHaveAndRotationKeepsThatEnd() throws Exception {
        String loginToken = login();
        Instant loginExpiry = SignedJWT.parse(loginToken).getJWTClaimsSet().getExpirationTime().toInstant();
        Map<?, ?> pair = JSON.readValue(postJson("/legacy/exchange",
                "{\"token\":\"" + loginToken + "\",\"client_id\":\"lanonasis-cli\"}", null).body(), Map.class);
        String userId = SignedJWT.parse(loginToken).getJWTClaimsSet().getSubject();

        List<Instant> first = refreshExpiries(userId);
        assertEquals(1, first.size());
        assertFalse(first.get(0).isAfter(loginExpiry), first + " after " + loginExpiry);

        HttpResponse<String> refreshed = postJson("/oauth/token", "{\"grant_type\":\"refresh_token\",\"client_id\":"
                + "\"lanonasis-cli\",\"refresh_token\":\"" + pair.get("refresh_token") + "\"}", null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        List<Instant> after = refreshExpiries(userId);
        assertEquals(2, after.size());
        assertTrue(after.stream().noneMatch(expiry -> expiry.isAfter(loginExpiry)), after.toString());
    }

    @Test
    void introspectionTellsNothingAboutAnotherClientsTokens() throws Exception {
        String loginToken = login();
        Map<?, ?> cliPair = JSON.readValue(postJson("/legacy/exchange",
                "{\"token\":\"" + loginToken + "\",\"client_id\":\"lanonasis-cli\"}", null).body(), Map.class);
        Map<?, ?> other = register("{\"client_name\":\"nosy\",\"redirect_uris\":[\"https://nosy.example/cb\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_post\"}");
        String credentials = "client_id=" + other.get("client_id") + "&client_secret=" + other.get("client_secret");

        for (Object foreign : List.of(cliPair.get("refresh_token"), cliPair.get("access_token"))) {
            HttpResponse<String> answer = form("/oauth/introspect", credentials + "&token=" + foreign);
            assertEquals(200, answer.statusCode());
            assertEquals(Map.of("active", false), JSON.readValue(answer.body(), Map.class));
        }

        Map<?, ?> own = JSON.readValue(postJson("/legacy/exchange", "{\"token\":\"" + loginToken + "\",\"client_id\":\""
                + other.get("client_id") + "\",\"client_secret\":\"" + other.get("client_secret") + "\"}", null).body(),
                Map.class);
        Map<?, ?> described = JSON.readValue(form("/oauth/introspect", credentials + "&token=" + own.get("refresh_token"))
                .body(), Map.class);
        assertEquals(true, described.get("active"));
        assertEquals(email, described.get("username"));
    }

    private HttpResponse<String> mcpInitialize(String bearer) {
        return send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.getPort() + "/mcp"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")).build());
    }

    private HttpResponse<String> form(String path, String body) {
        return send(HttpRequest.newBuilder(endpoint(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Map<?, ?> register(String metadata) throws Exception {
        HttpResponse<String> registered = postJson("/register", metadata, null);
        assertEquals(201, registered.statusCode(), registered.body());
        return JSON.readValue(registered.body(), Map.class);
    }

    private List<Instant> refreshExpiries(String userId) throws Exception {
        List<Instant> expiries = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT expires_at FROM oauth_refresh_tokens WHERE user_id = ? ORDER BY issued_at")) {
            select.setObject(1, java.util.UUID.fromString(userId));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    expiries.add(row.getObject(1, java.time.OffsetDateTime.class).toInstant());
                }
            }
        }
        return expiries;
    }

    private void setRole(String role) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE users SET role = ? WHERE email = ?")) {
            update.setString(1, role);
            update.setString(2, email);
            assertEquals(1, update.executeUpdate());
        }
        credentialCache.forgetAll();
    }

    private String login() throws Exception {
        HttpResponse<String> login = postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        return (String) JSON.readValue(login.body(), Map.class).get("access_token");
    }
}
