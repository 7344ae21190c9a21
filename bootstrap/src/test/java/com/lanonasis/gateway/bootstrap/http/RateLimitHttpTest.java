package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The default limits (REFERENCE.md) through the real server, behind a trusted proxy on
 * 127.0.0.1 so each test can speak for several client addresses with X-Forwarded-For.
 */
@MicronautTest
@Property(name = "onasis.edge.rate-limits.enabled", value = "true")
@Property(name = "onasis.edge.trusted-proxies", value = "127.0.0.1/32,::1/128")
@Property(name = "onasis.edge.login-lockout.max-failures", value = "3")
class RateLimitHttpTest extends HttpTest {

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    private Api.Reply register(String from) {
        return api.post("/v1/auth/register", Map.of("email", "rl-" + UUID.randomUUID() + "@example.com",
                "password", "rate limited pass"), "X-Forwarded-For", from);
    }

    @Test
    void registrationIsThreePerMinutePerAddressWithRateLimitHeaders() {
        String from = "203.0.113.7";
        for (int i = 0; i < 3; i++) {
            Api.Reply allowed = register(from);
            assertEquals(201, allowed.status(), allowed.toString());
            assertEquals("3", allowed.header("RateLimit-Limit"));
            assertEquals(String.valueOf(2 - i), allowed.header("RateLimit-Remaining"));
        }
        Api.Reply refused = register(from);

        assertEquals(429, refused.status());
        assertEquals("rate_limited", refused.string("error"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(Long.parseLong(refused.header("RateLimit-Reset")) <= 60);
        assertEquals(201, register("203.0.113.8").status(), "another address has its own budget");
    }

    @Test
    void theApiIsLimitedPerCredentialNotPerAddress() {
        Api.Account account = api.newAccount();
        String first = api.apiKey(account, null);
        String second = api.apiKey(account, null);
        for (int i = 0; i < 100; i++) {
            assertEquals(200, api.get("/api/v1/memory", "X-API-Key", first, "X-Forwarded-For", address()).status());
        }
        Api.Reply refused = api.get("/api/v1/memory", "X-API-Key", first, "X-Forwarded-For", address());
        assertEquals(429, refused.status());
        assertEquals("100", refused.header("RateLimit-Limit"));
        assertEquals(200, api.get("/api/v1/memory", "X-API-Key", second).status(), "another key, its own budget");
    }

    @Test
    void anAccountIsLockedAfterFailedLoginsFromAnyAddresses() {
        Api.Account account = api.newAccount();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.post("/v1/auth/login", Map.of("email", account.email(), "password", "wrong"),
                    "X-Forwarded-For", "192.0.2." + (10 + i)).status());
        }
        Api.Reply locked = api.post("/v1/auth/login", Map.of("email", account.email(), "password",
                account.password()), "X-Forwarded-For", "192.0.2.99");

        assertEquals(429, locked.status(), "locked even with the right password, from a fresh address");
        assertEquals("rate_limited", locked.string("error"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "until the 15-minute window ends: " + retryAfter);
        Api.Account other = api.newAccount();
        assertEquals(200, api.post("/v1/auth/login", Map.of("email", other.email(), "password", other.password()),
                "X-Forwarded-For", "192.0.2.99").status(), "other accounts are unaffected");
    }

    @Test
    void loginIsFivePerMinutePerAddress() {
        String from = "203.0.113.50";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.post("/v1/auth/login", Map.of("email", "nobody-" + i + "@example.com",
                    "password", "whatever"), "X-Forwarded-For", from).status());
        }
        assertEquals(429, api.post("/v1/auth/login", Map.of("email", "nobody-9@example.com", "password", "x"),
                "X-Forwarded-For", from).status());
    }
}
