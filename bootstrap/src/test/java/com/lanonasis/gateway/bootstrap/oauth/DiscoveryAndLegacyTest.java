package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class DiscoveryAndLegacyTest extends OAuthTestSupport {

    @Test
    void metadataAdvertisesWhatIsImplemented() throws Exception {
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint(path)).GET().build());
            AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(response.body());

            assertEquals("http://localhost:4000", metadata.getIssuer().getValue());
            assertEquals(List.of(CodeChallengeMethod.S256), metadata.getCodeChallengeMethods());
            assertTrue(metadata.supportsAuthorizationResponseIssuerParam());
            assertTrue(metadata.getScopes().contains("memories:read"));
            assertTrue(metadata.getGrantTypes().contains(com.nimbusds.oauth2.sdk.GrantType.DEVICE_CODE));
            assertTrue(metadata.getRegistrationEndpointURI().toString().endsWith("/register"));
            assertTrue(metadata.getDeviceAuthorizationEndpointURI().toString().endsWith("/oauth/device"));
        }
    }

    @Test
    void jwksHoldsTheKeyThatSignsTokens() throws Exception {
        Authorized authorized = authorizeThroughPages(new Browser(base), new com.nimbusds.oauth2.sdk.Scope("memories:read"));
        String token = redeem(CLI, authorized).toSuccessResponse().getTokens().getAccessToken().getValue();
        JWKSet keys = JWKSet.parse(send(HttpRequest.newBuilder(endpoint("/oauth/jwks.json")).GET().build()).body());
        SignedJWT jwt = SignedJWT.parse(token);

        com.nimbusds.jose.jwk.ECKey key = (com.nimbusds.jose.jwk.ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key)));
        assertTrue(keys.getKeys().stream().noneMatch(com.nimbusds.jose.jwk.JWK::isPrivate), "public parts only");
        assertEquals(keys.getKeys().size(), JWKSet.parse(send(HttpRequest.newBuilder(endpoint("/jwks")).GET().build())
                .body()).getKeys().size());
    }

    @Test
    void legacyTokenIntrospectsAndExchangesForAnOAuthPair() throws Exception {
        String legacy = login();

        HttpResponse<String> introspected = postJson("/legacy/introspect", "{\"token\":\"" + legacy + "\"}", null);
        assertEquals(200, introspected.statusCode());
        assertTrue(introspected.body().contains("\"active\":true") && introspected.body().contains(email));

        HttpResponse<String> exchanged = postJson("/legacy/exchange",
                "{\"token\":\"" + legacy + "\",\"client_id\":\"vscode-extension\",\"scope\":\"memories:read\"}", null);
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        Map<?, ?> pair = new com.fasterxml.jackson.databind.ObjectMapper().readValue(exchanged.body(), Map.class);
        String accessToken = (String) pair.get("access_token");
        assertEquals("vscode-extension", SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("client_id"));
        assertTrue(pair.get("refresh_token") instanceof String);
        assertEquals(200, restGet("/api/v1/memory", accessToken).statusCode());

        assertEquals(401, postJson("/legacy/exchange",
                "{\"token\":\"" + legacy + "\",\"client_id\":\"nobody\"}", null).statusCode());
        assertTrue(postJson("/legacy/introspect", "{\"token\":\"forged\"}", null).body().contains("\"active\":false"));
    }

    @Test
    void tokenEndpointAcceptsJsonBodies() throws Exception {
        String legacy = login();
        String refresh = (String) new com.fasterxml.jackson.databind.ObjectMapper().readValue(postJson(
                "/legacy/exchange", "{\"token\":\"" + legacy + "\",\"client_id\":\"lanonasis-cli\"}", null).body(),
                Map.class).get("refresh_token");

        HttpResponse<String> response = postJson("/oauth/token", "{\"grant_type\":\"refresh_token\",\"client_id\":"
                + "\"lanonasis-cli\",\"refresh_token\":\"" + refresh + "\"}", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> malformed = postJson("/token", "{\"grant_type\":", null);
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("invalid_request"));
        HttpResponse<String> unsupported = postJson("/token", "{\"grant_type\":\"password\",\"client_id\":"
                + "\"lanonasis-cli\"}", null);
        assertTrue(unsupported.body().contains("unsupported_grant_type"), unsupported.body());
    }

    private String login() throws Exception {
        HttpResponse<String> login = postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        return (String) new com.fasterxml.jackson.databind.ObjectMapper().readValue(login.body(), Map.class)
                .get("access_token");
    }
}
