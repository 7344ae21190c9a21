package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.lanonasis.gateway.bootstrap.storage.PostgresDatabases;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

/**
 * Issue 17: a signing-key rotation on one instance reaches the other within seconds. Two instances
 * share one Postgres and one Redis; the periodic re-read is set to an hour, so only the Redis
 * announcement can make the other instance switch.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRotationAcrossInstancesTest extends HttpTest implements TestPropertyProvider {

    private static final String ADMIN = "rotator@admin.example.com";
    private static final String PASSWORD = "rotate the keys please";

    private RedisServer redis;
    private Map<String, String> shared;
    private EmbeddedServer second;
    private HttpClient secondClient;

    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            redis = new RedisServer(port);
            redis.start();
            shared = new HashMap<>(PostgresDatabases.neon());
            shared.put("onasis.ephemeral", "redis");
            shared.put("onasis.redis.url", "redis://127.0.0.1:" + port);
            shared.put("onasis.admin.emails", ADMIN);
            shared.put("onasis.oauth.signing-key-refresh", "1h");
            return shared;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (secondClient != null) {
            secondClient.close();
        }
        if (second != null) {
            second.getApplicationContext().close();
        }
        redis.stop();
    }

    @Test
    void aRotationOnEitherInstanceMakesBothSignWithTheNewKeyAndVerifyEachOther() {
        Map<String, Object> onSecond = new HashMap<>(shared);
        onSecond.put("micronaut.server.port", "-1");
        second = ApplicationContext.run(EmbeddedServer.class, onSecond, "test");
        secondClient = HttpClient.create(second.getURL());
        Api other = new Api(secondClient, json);

        assertEquals(201, api.post("/v1/auth/register", Map.of("email", ADMIN, "password", PASSWORD)).status());
        String before = login(other);
        String kidBefore = kid(before);
        assertEquals(kidBefore, kid(login(api)), "one key signs everywhere at first");

        Api.Reply rotated = api.post("/api/v1/admin/keys/rotate", Map.of(), bearer(login(api)));
        assertEquals(200, rotated.status(), rotated.toString());
        String kidAfter = rotated.string("kid");
        assertNotEquals(kidBefore, kidAfter);

        String fromSecond = waitForKid(other, kidAfter);
        assertEquals(200, api.get("/v1/auth/session", bearer(fromSecond)).status(), "the first verifies the second");
        String fromFirst = login(api);
        assertEquals(kidAfter, kid(fromFirst));
        assertEquals(200, other.get("/v1/auth/session", bearer(fromFirst)).status(), "the second verifies the first");
        assertEquals(200, api.get("/v1/auth/session", bearer(before)).status(), "the retired key still verifies");
        assertEquals(200, other.get("/v1/auth/session", bearer(before)).status());

        // the older route, on the other instance this time
        Api.Reply again = other.post("/admin/keys/rotate", Map.of(), bearer(fromSecond));
        assertEquals(200, again.status(), again.toString());
        String third = waitForKid(api, kidOfJwks(other));
        assertNotEquals(kidAfter, kid(third));
        assertEquals(200, other.get("/v1/auth/session", bearer(third)).status());
        assertEquals(200, api.get("/v1/auth/session", bearer(login(other))).status());
    }

    /** Signs in on {@code instance} until its token carries {@code kid}; fails after 10 s. */
    private String waitForKid(Api instance, String kid) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String token = login(instance);
            if (kid.equals(kid(token))) {
                System.out.printf("key %s reached the other instance after %d ms%n", kid,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                return token;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the other instance still signs with " + kid(token) + ", not " + kid);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The kid of the key that signs, as the instance's admin key list shows it. */
    private String kidOfJwks(Api instance) {
        Api.Reply keys = instance.get("/api/v1/admin/keys", bearer(login(instance)));
        assertEquals(200, keys.status(), keys.toString());
        return keys.list("keys").stream().filter(key -> key.get("retired_at") == null)
                .map(key -> (String) key.get("kid")).findFirst().orElseThrow();
    }

    private static String login(Api instance) {
        Api.Reply login = instance.post("/v1/auth/login", Map.of("email", ADMIN, "password", PASSWORD));
        assertEquals(200, login.status(), login.toString());
        return login.string("access_token");
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String kid(String jwt) {
        try {
            return SignedJWT.parse(jwt).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }
}
