package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/**
 * Two instances on one database and one Redis (ONASIS_EPHEMERAL=redis): a flow started on one
 * finishes on the other, and a code redeemed on one is a replay on the other.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedStateAcrossInstancesTest extends OAuthTestSupport implements TestPropertyProvider {

    private RedisServer redis;
    private String redisUrl;
    private final String database = "jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private EmbeddedServer second;

    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            redis = new RedisServer(port);
            redis.start();
            redisUrl = "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("onasis.ephemeral", "redis", "onasis.redis.url", redisUrl, "onasis.database.url", database);
    }

    @AfterAll
    void stop() throws IOException {
        if (second != null) {
            second.getApplicationContext().close();
        }
        redis.stop();
    }

    @Test
    void aFlowStartedOnOneInstanceFinishesOnTheOther() {
        second = second == null ? ApplicationContext.run(EmbeddedServer.class, Map.of("onasis.ephemeral", "redis",
                "onasis.redis.url", redisUrl, "onasis.database.url", database, "micronaut.server.port", "-1"),
                "test") : second;
        URI other = second.getURI();

        Authorized authorized = authorizeThroughPages(new Browser(base), new Scope("memories:read"));
        TokenResponse onSecond = send(new TokenRequest.Builder(other.resolve("/oauth/token"), CLI,
                new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(authorized.code(), CALLBACK, authorized.verifier()))
                .build());
        assertTrue(onSecond.indicatesSuccess(), () -> onSecond.toErrorResponse().getErrorObject().toString());

        TokenResponse replayOnFirst = redeem(CLI, authorized);
        assertEquals(OAuth2Error.INVALID_GRANT, replayOnFirst.toErrorResponse().getErrorObject());
        String accessToken = onSecond.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(401, restGet("/api/v1/memory", accessToken).statusCode(), "the replay revoked it everywhere");
    }

    @Test
    void aBrowserSessionMadeOnOneInstanceIsKnownToTheOther() {
        second = second == null ? ApplicationContext.run(EmbeddedServer.class, Map.of("onasis.ephemeral", "redis",
                "onasis.redis.url", redisUrl, "onasis.database.url", database, "micronaut.server.port", "-1"),
                "test") : second;
        Browser browser = new Browser(base);
        Map<String, String> form = new java.util.LinkedHashMap<>(Browser.hiddenFields(browser.get("/web/login")));
        form.put("email", email);
        form.put("password", password);
        assertEquals(303, browser.post("/web/login", form).statusCode());

        String session = browser.cookie("onasis_session");
        Browser onSecond = new Browser(second.getURI());
        onSecond.setCookie("onasis_session", session);
        var page = onSecond.get("/web/login");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Signed in as " + email), page.body());
    }
}
