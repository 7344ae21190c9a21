package com.lanonasis.gateway.adapters.persistence.memory;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAuthorizationCodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.CodeRedemption;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryAuthorizationCodesTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aCodeIsRedeemedExactlyOnceEvenUnderRace() throws Exception {
        InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes(Clock.fixed(now, ZoneOffset.UTC));
        AuthorizationCode code = code(now.plusSeconds(300));
        codes.add(code);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<CodeRedemption>> attempts = IntStream.range(0, 32)
                .<Callable<CodeRedemption>>mapToObj(i -> () -> codes.redeem(code.codeHash())).toList();
        List<CodeRedemption> results = pool.invokeAll(attempts).stream().map(InMemoryAuthorizationCodesTest::get)
                .toList();
        pool.shutdown();

        assertEquals(1, results.stream().filter(CodeRedemption.Redeemed.class::isInstance).count());
        assertEquals(31, results.stream().filter(r -> r instanceof CodeRedemption.Replayed replayed
                && replayed.familyId().equals("family")).count());
    }

    @Test
    void expiredAndUnknownCodesAreUnknown() {
        InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes(Clock.fixed(now, ZoneOffset.UTC));
        AuthorizationCode expired = code(now);
        codes.add(expired);

        assertInstanceOf(CodeRedemption.Unknown.class, codes.redeem(expired.codeHash()));
        assertInstanceOf(CodeRedemption.Unknown.class, codes.redeem(new MachineSecret("other").hash()));
    }

    private AuthorizationCode code(Instant expiresAt) {
        return new AuthorizationCode(new MachineSecret(UUID.randomUUID().toString()).hash(), "cli",
                new UserId(UUID.randomUUID()), "http://127.0.0.1/cb", Scopes.USER_SESSION, "challenge", List.of(),
                "family", expiresAt);
    }

    private static CodeRedemption get(Future<CodeRedemption> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
