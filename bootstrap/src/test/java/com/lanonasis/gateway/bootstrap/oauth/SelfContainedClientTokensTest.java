package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.domain.tokens.port.out.SigningKeys;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: client_credentials access tokens are self-contained (no row; the signed JWT is the record).
 * Introspection and bearer use accept only a token we signed, unaltered, unexpired, of our issuer and
 * not revoked; revocation lists its jti. Tokens signed here with the service's own key show the test
 * builds tokens the service would accept, so each refusal below is for the one thing changed.
 */
@MicronautTest
class SelfContainedClientTokensTest extends OAuthTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HikariDataSource database;

    @Inject
    SigningKeys signingKeys;

    @Test
    void aClientCredentialsTokenIsNotStoredButItsIssuanceIsAudited() throws Exception {
        String basic = confidentialClient();
        String token = token(basic);
        Map<?, ?> active = introspect(basic, token);
        assertEquals(Boolean.TRUE, active.get("active"), active.toString());
        String jti = (String) active.get("jti");
        assertTrue(jti.startsWith("cc-"), jti);
        assertEquals(0, count("SELECT COUNT(*) FROM oauth_access_tokens WHERE jti = ?", jti), "no token row");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_events WHERE type = 'TOKEN_ISSUED' AND details LIKE ?",
                "%" + jti + "%"), "one durable audit row");
    }

    @Test
    void revocationListsTheTokenAndItIsInactiveAtOnce() throws Exception {
        String basic = confidentialClient();
        String token = token(basic);
        assertEquals(Boolean.TRUE, introspect(basic, token).get("active"));
        String jti = (String) introspect(basic, token).get("jti");

        assertEquals(200, revoke(basic, token).statusCode());

        assertEquals(Boolean.FALSE, introspect(basic, token).get("active"));
        assertEquals(1, count("SELECT COUNT(*) FROM oauth_revoked_tokens WHERE token_id = ?", jti));
        assertEquals(200, revoke(basic, token).statusCode(), "revoking again is fine (RFC 7009)");
        assertEquals(1, count("SELECT COUNT(*) FROM oauth_revoked_tokens WHERE token_id = ?", jti));
        assertEquals(Boolean.TRUE, introspect(basic, token(basic)).get("active"), "other tokens stay active");
    }

    @Test
    void forgedAlteredExpiredAndForeignTokensAreInactiveAndRefusedAsBearers() throws Exception {
        String basic = confidentialClient();
        String token = token(basic);
        SignedJWT real = SignedJWT.parse(token);
        JWTClaimsSet claims = real.getJWTClaimsSet();
        ECKey ours = ECKey.parse(signingKeys.signing().get(0).privateJwk().reveal());
        assertEquals(ours.getKeyID(), real.getHeader().getKeyID());

        // the control: the same claims with a new jti, signed with our key, are accepted
        String control = sign(ours, new JWTClaimsSet.Builder(claims).jwtID("cc-" + UUID.randomUUID()).build());
        assertEquals(Boolean.TRUE, introspect(basic, control).get("active"), "the test signs tokens we accept");

        String altered = real.getHeader().toBase64URL() + "."
                + Base64URL.encode(new JWTClaimsSet.Builder(claims).claim("scope", "memories:read memories:write")
                        .build().toString()) + "." + real.getSignature();
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(ours.getKeyID()).generate();
        String forged = sign(stranger, claims);
        String expired = sign(ours, new JWTClaimsSet.Builder(claims).jwtID("cc-" + UUID.randomUUID())
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(60))).build());
        String foreign = sign(ours, new JWTClaimsSet.Builder(claims).jwtID("cc-" + UUID.randomUUID())
                .issuer("https://elsewhere.example").build());
        String userShaped = sign(ours, new JWTClaimsSet.Builder(claims).jwtID("cc-" + UUID.randomUUID())
                .subject(UUID.randomUUID().toString()).build());
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(claims.toString()) + ".";

        for (String bad : List.of(altered, forged, expired, foreign, userShaped, unsigned)) {
            assertEquals(Boolean.FALSE, introspect(basic, bad).get("active"), bad);
            HttpResponse<String> bearer = restGet("/api/v1/memory", bad);
            assertEquals(401, bearer.statusCode(), bearer.body());
            assertEquals("invalid_token", JSON.readValue(bearer.body(), Map.class).get("error"), bearer.body());
        }
        // and a genuine one: client tokens act for no user, so they are no bearer credential here (as before)
        HttpResponse<String> genuine = restGet("/api/v1/memory", token);
        assertEquals(401, genuine.statusCode(), genuine.body());
        assertEquals("invalid_token", JSON.readValue(genuine.body(), Map.class).get("error"));
    }

    private static String sign(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private long count(String sql, String value) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private String confidentialClient() throws Exception {
        HttpResponse<String> registered = postJson("/register", JSON.writeValueAsString(Map.of(
                "client_name", "self-contained", "grant_types", List.of("client_credentials"),
                "token_endpoint_auth_method", "client_secret_basic", "scope", "memories:read")), null);
        assertEquals(201, registered.statusCode(), registered.body());
        Map<?, ?> client = JSON.readValue(registered.body(), Map.class);
        return "Basic " + Base64.getEncoder().encodeToString((client.get("client_id") + ":"
                + client.get("client_secret")).getBytes(StandardCharsets.UTF_8));
    }

    private String token(String basic) throws Exception {
        HttpResponse<String> issued = form("/oauth/token", basic, "grant_type=client_credentials");
        assertEquals(200, issued.statusCode(), issued.body());
        return (String) JSON.readValue(issued.body(), Map.class).get("access_token");
    }

    private Map<?, ?> introspect(String basic, String token) throws Exception {
        HttpResponse<String> answer = form("/oauth/introspect", basic,
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readValue(answer.body(), Map.class);
    }

    private HttpResponse<String> revoke(String basic, String token) {
        return form("/oauth/revoke", basic, "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> form(String path, String basic, String body) {
        return send(HttpRequest.newBuilder(endpoint(path)).header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
