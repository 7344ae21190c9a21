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
@Property(name = "onasis.edge.login-lockout.max-account-failures", value = "8")
class RateLimitHttpTest extends HttpTest {

    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /** A client address no other call of this class speaks for. */
    private static String address() {
        int n = NEXT.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private Api.Reply register(String from) {
        return api.post("/v1/auth/register", Map.of("email", "rl-" + UUID.randomUUID() + "@example.com",
                "password", "rate limited pass"), "X-Forwarded-For", from);
    }

    @Test
    void registrationIsThreePerMinutePerAddressWithRateLimitHeaders() {
        Windows.roomForAFewSeconds();
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
        Windows.roomForAFewSeconds();
        Api.Account account = api.newAccount("X-Forwarded-For", address());
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

    private Api.Reply logIn(Api.Account account, String password, String from) {
        return api.post("/v1/auth/login", Map.of("email", account.email(), "password", password),
                "X-Forwarded-For", from);
    }

    /** Issue 10: the lock-out throttles the attacker's address, not the account owner. */
    @Test
    void anAttackerHammeringOneAccountIsLockedOutButTheOwnerStillSignsIn() {
        Windows.roomForAFewSeconds();
        Api.Account victim = api.newAccount("X-Forwarded-For", address());
        String attacker = "192.0.2.10";
        int wrong = 0;
        for (int i = 0; i < 20; i++) {
            Api.Reply guess = logIn(victim, "wrong guess " + i, attacker);
            assertTrue(guess.status() == 401 || guess.status() == 429, guess.toString());
            wrong += guess.status() == 401 ? 1 : 0;
        }
        assertEquals(3, wrong, "three wrong passwords are checked, then that address is refused");
        Api.Reply attackerWithTheRightPassword = logIn(victim, victim.password(), attacker);
        assertEquals(429, attackerWithTheRightPassword.status(), "even the right password, from the locked address");

        Api.Reply owner = logIn(victim, victim.password(), "192.0.2.99");

        assertEquals(200, owner.status(), "the owner, from another address, signs in: " + owner);
    }

    /**
     * Past {@code max-account-failures} from all addresses (a distributed attack) the account is
     * refused to addresses it was never used from, still not to the owner's known address.
     */
    @Test
    void aDistributedAttackLocksTheAccountForNewAddressesOnly() {
        Windows.roomForAFewSeconds();
        Api.Account victim = api.newAccount("X-Forwarded-For", address());
        String home = "192.0.2.150";
        assertEquals(200, logIn(victim, victim.password(), home).status());
        for (int bot = 0; bot < 4; bot++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(401, logIn(victim, "wrong", "192.0.2." + (160 + bot)).status());
            }
        }
        Api.Reply locked = logIn(victim, victim.password(), "192.0.2.199");

        assertEquals(429, locked.status(), "eight failures from four addresses: new addresses are refused");
        assertEquals("rate_limited", locked.string("error"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "until the 15-minute window ends: " + retryAfter);
        assertEquals(200, logIn(victim, victim.password(), home).status(), "the owner's known address still works");
        Api.Account other = api.newAccount("X-Forwarded-For", address());
        assertEquals(200, logIn(other, other.password(), "192.0.2.199").status(), "other accounts are unaffected");
    }

    @Test
    void loginIsFivePerMinutePerAddress() {
        Windows.roomForAFewSeconds();
        String from = "203.0.113.50";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.post("/v1/auth/login", Map.of("email", "nobody-" + i + "@example.com",
                    "password", "whatever"), "X-Forwarded-For", from).status());
        }
        assertEquals(429, api.post("/v1/auth/login", Map.of("email", "nobody-9@example.com", "password", "x"),
                "X-Forwarded-For", from).status());
    }
}
