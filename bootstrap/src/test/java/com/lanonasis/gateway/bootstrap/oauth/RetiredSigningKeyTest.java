package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.lanonasis.gateway.adapters.persistence.cache.CredentialCache;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 #2: a login JWT signed by a key retired longer ago than the grace (so no longer in the
 * JWKS) is refused everywhere: REST, MCP (even where login tokens are accepted), /verify, and the
 * legacy exchange. The grace is one second here so the test need not wait a day.
 */
@MicronautTest
@Property(name = "onasis.oauth.retired-key-grace", value = "1s")
@Property(name = "onasis.mcp.accept-login-tokens", value = "true")
class RetiredSigningKeyTest extends OAuthTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HikariDataSource database;

    /** The role is changed by SQL here, around the service: its credential cache is told, as an operator would. */
    @Inject
    CredentialCache credentialCache;

    @Test
    void aLoginTokenSignedByAKeyRetiredBeyondTheGraceIsRefusedEverywhere() throws Exception {
        String old = login();
        assertEquals(200, mcpInitialize(old).statusCode(), "login tokens are accepted at /mcp in this setup");
        try (Connection connection = database.getConnection();
             PreparedStatement promote = connection.prepareStatement("UPDATE users SET role = 'admin' WHERE email = ?")) {
            promote.setString(1, email);
            assertEquals(1, promote.executeUpdate());
        }
        credentialCache.forgetAll();
        HttpResponse<String> rotated = postJson("/admin/keys/rotate", "{}", login());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String oldKid = SignedJWT.parse(old).getHeader().getKeyID();

        Thread.sleep(1_500); // past the grace: the old key leaves the JWKS

        JWKSet published = JWKSet.parse(send(HttpRequest.newBuilder(endpoint("/oauth/jwks.json")).GET().build()).body());
        assertEquals(null, published.getKeyByKeyId(oldKid), "no longer published");
        assertEquals(401, restGet("/api/v1/memory", old).statusCode());
        assertEquals(401, restGet("/v1/auth/session", old).statusCode());
        assertEquals(401, postJson("/v1/auth/verify", "{\"token\":\"" + old + "\"}", null).statusCode());
        assertEquals(401, restGet("/verify", old).statusCode());
        assertEquals(401, mcpInitialize(old).statusCode());
        HttpResponse<String> exchanged = postJson("/legacy/exchange",
                "{\"token\":\"" + old + "\",\"client_id\":\"lanonasis-cli\"}", null);
        assertEquals(400, exchanged.statusCode(), exchanged.body());
        assertTrue(exchanged.body().contains("invalid_grant"));
        assertTrue(postJson("/legacy/introspect", "{\"token\":\"" + old + "\"}", null).body()
                .contains("\"active\":false"));

        String fresh = login();
        assertEquals(200, restGet("/api/v1/memory", fresh).statusCode(), "tokens of the current key work");
        assertEquals(200, mcpInitialize(fresh).statusCode());
    }

    private HttpResponse<String> mcpInitialize(String bearer) {
        return send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.getPort() + "/mcp"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")).build());
    }

    private String login() throws Exception {
        HttpResponse<String> login = postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        return (String) JSON.readValue(login.body(), Map.class).get("access_token");
    }
}
