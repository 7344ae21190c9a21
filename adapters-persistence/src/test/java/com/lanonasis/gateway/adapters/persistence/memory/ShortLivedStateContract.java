package com.lanonasis.gateway.adapters.persistence.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.CodeRedemption;
import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of the short-lived-state ports must do, on the wall clock: in-process maps
 * for one instance, Redis for many.
 */
public abstract class ShortLivedStateContract {

    protected abstract AuthorizationCodes codes();

    protected abstract PendingAuthorizations pendings();

    protected abstract DeviceAuthorizations devices();

    protected abstract WebSessions sessions();

    protected abstract RateLimiter rateLimiter();

    @Test
    void rateLimiterAllowsTheLimitPerWindowPerKey() throws Exception {
        RateLimiter limiter = rateLimiter();
        String key = "test:" + UUID.randomUUID();
        Duration window = Duration.ofMillis(600);
        for (int i = 0; i < 3; i++) {
            RateLimiter.Count count = limiter.acquire(key, 3, window);
            assertTrue(count.allowed(), "call " + i);
            assertEquals(2 - i, count.remaining(), "remaining after call " + i);
        }
        assertEquals(3, limiter.peek(key, 3, window).calls(), "peeking counts nothing");
        assertEquals(3, limiter.peek(key, 3, window).calls());
        RateLimiter.Count over = limiter.acquire(key, 3, window);
        Duration wait = over.retryAfter();
        assertTrue(!over.allowed() && over.remaining() == 0, over.toString());
        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(window) <= 0, wait.toString());
        assertTrue(limiter.acquire(key + ":other", 3, window).allowed(), "keys are counted apart");
        assertEquals(0, limiter.peek(key + ":never", 3, window).calls());
        Thread.sleep(wait.toMillis() + 50);
        assertTrue(limiter.acquire(key, 3, window).allowed(), "a new window");
    }

    private final UserId user = new UserId(UUID.randomUUID());

    @Test
    void codeIsRedeemedOnceAcrossConcurrentCallers() throws Exception {
        AuthorizationCodes codes = codes();
        AuthorizationCode code = code(Instant.now().plusSeconds(60));
        codes.add(code);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CodeRedemption> results = pool.invokeAll(IntStream.range(0, 24)
                .<Callable<CodeRedemption>>mapToObj(i -> () -> codes.redeem(code.codeHash())).toList())
                .stream().map(future -> {
                    try {
                        return future.get();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
        pool.shutdown();

        assertEquals(1, results.stream().filter(CodeRedemption.Redeemed.class::isInstance).count());
        CodeRedemption.Redeemed redeemed = (CodeRedemption.Redeemed) results.stream()
                .filter(CodeRedemption.Redeemed.class::isInstance).findFirst().orElseThrow();
        assertEquals(code, redeemed.code());
        assertTrue(results.stream().filter(r -> !(r instanceof CodeRedemption.Redeemed))
                .allMatch(r -> r instanceof CodeRedemption.Replayed replayed && replayed.familyId().equals("family")));
        assertInstanceOf(CodeRedemption.Unknown.class, codes.redeem(new MachineSecret("never issued").hash()));
    }

    @Test
    void recordsVanishWhenTheyExpire() throws Exception {
        AuthorizationCodes codes = codes();
        AuthorizationCode code = code(Instant.now().plusMillis(150));
        codes.add(code);
        WebSession session = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), user,
                Instant.now(), Instant.now().plusMillis(150));
        sessions().add(session);

        Thread.sleep(400);

        assertInstanceOf(CodeRedemption.Unknown.class, codes.redeem(code.codeHash()));
        assertEquals(Optional.empty(), sessions().find(session.idHash()));
    }

    @Test
    void pendingAuthorizationIsTakenOnce() {
        PendingAuthorization pending = new PendingAuthorization(UUID.randomUUID().toString(), user, "cli",
                "http://127.0.0.1/cb", Scopes.parseSpaceDelimited("memories:read"), null, "challenge",
                List.of("https://r.example/mcp"), Instant.now().plusSeconds(60));
        pendings().add(pending);

        assertEquals(Optional.of(pending), pendings().find(pending.id()));
        assertEquals(Optional.of(pending), pendings().take(pending.id()));
        assertEquals(Optional.empty(), pendings().take(pending.id()));
    }

    @Test
    void deviceAuthorizationIsFoundByEitherCodeAndRedeemedOnceAfterApproval() {
        DeviceAuthorizations devices = devices();
        String userCode = "BCDF-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        DeviceAuthorization device = new DeviceAuthorization(new MachineSecret(UUID.randomUUID().toString()).hash(),
                userCode, "cli", Scopes.parseSpaceDelimited("memories:read"), List.of(),
                DeviceAuthorization.Status.PENDING, null, Instant.now().plusSeconds(60), Duration.ofSeconds(5), null);
        devices.add(device);

        assertEquals(Optional.of(device), devices.byUserCode(userCode));
        assertFalse(devices.redeem(device.deviceCodeHash()), "not approved yet");
        DeviceAuthorization approved = device.decided(true, user).polledAt(Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofSeconds(10));
        devices.update(approved);
        assertEquals(Optional.of(approved), devices.byDeviceCode(device.deviceCodeHash()));

        assertTrue(devices.redeem(device.deviceCodeHash()));
        assertFalse(devices.redeem(device.deviceCodeHash()));
        assertEquals(DeviceAuthorization.Status.REDEEMED,
                devices.byDeviceCode(device.deviceCodeHash()).orElseThrow().status());
    }

    @Test
    void sessionsAreFoundUntilRemoved() {
        WebSession session = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), user,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.now().plusSeconds(60));
        sessions().add(session);

        assertEquals(Optional.of(session), sessions().find(session.idHash()));
        sessions().remove(session.idHash());
        assertEquals(Optional.empty(), sessions().find(session.idHash()));
    }

    // --- sessions listed per user (issue 17, account self-service) ---

    @Test
    void sessionsAreListedPerUserNewestFirstWithTheirDetails() {
        UserId owner = new UserId(UUID.randomUUID());
        UserId other = new UserId(UUID.randomUUID());
        Instant start = Instant.now().minusSeconds(30);
        WebSession older = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), owner, start,
                Instant.now().plusSeconds(60), start, "Mozilla/5.0 (X11; Linux) Chrome/140", "203.0.113.7");
        WebSession newer = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), owner,
                start.plusSeconds(10), Instant.now().plusSeconds(60), null, "curl/8\u0007\n", null);
        WebSession foreign = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), other, start,
                Instant.now().plusSeconds(60));
        sessions().add(older);
        sessions().add(newer);
        sessions().add(foreign);

        List<WebSession> listed = sessions().ofUser(owner);
        assertEquals(List.of(newer, older), listed);
        assertEquals("Mozilla/5.0 (X11; Linux) Chrome/140", listed.get(1).userAgent());
        assertEquals("203.0.113.7", listed.get(1).clientAddress());
        assertEquals("curl/8", listed.get(0).userAgent(), "control characters are dropped");
        assertEquals("unknown", listed.get(0).clientAddress());
        assertEquals(List.of(foreign), sessions().ofUser(other));
        assertEquals(List.of(), sessions().ofUser(new UserId(UUID.randomUUID())));
    }

    @Test
    void aRemovedOrExpiredSessionLeavesTheListAtOnce() throws Exception {
        UserId owner = new UserId(UUID.randomUUID());
        WebSession kept = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), owner,
                Instant.now(), Instant.now().plusSeconds(60));
        WebSession revoked = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), owner,
                Instant.now(), Instant.now().plusSeconds(60));
        WebSession brief = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), owner,
                Instant.now(), Instant.now().plusMillis(150));
        sessions().add(kept);
        sessions().add(revoked);
        sessions().add(brief);
        assertEquals(3, sessions().ofUser(owner).size());

        sessions().remove(revoked.idHash());
        Thread.sleep(400);

        assertEquals(List.of(kept), sessions().ofUser(owner));
        assertEquals(Optional.empty(), sessions().find(revoked.idHash()));
    }

    @Test
    void lastSeenIsRecordedAndTheExpiryKept() {
        UserId owner = new UserId(UUID.randomUUID());
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        WebSession session = new WebSession(new MachineSecret(UUID.randomUUID().toString()).hash(), owner, created,
                Instant.now().plusSeconds(60), created, "agent", "198.51.100.1");
        sessions().add(session);
        Instant later = created.plusSeconds(3600);

        sessions().seen(session.idHash(), later);
        sessions().seen(new MachineSecret("never a session").hash(), later);

        WebSession found = sessions().find(session.idHash()).orElseThrow();
        assertEquals(later, found.lastSeenAt());
        assertEquals(session.expiresAt(), found.expiresAt());
        assertEquals(session.publicId(), found.publicId());
        assertEquals(List.of(found), sessions().ofUser(owner));
        assertEquals(Optional.empty(), sessions().find(new MachineSecret("never a session").hash()));
    }

    private AuthorizationCode code(Instant expiresAt) {
        return new AuthorizationCode(new MachineSecret(UUID.randomUUID().toString()).hash(), "cli", user,
                "http://127.0.0.1/cb", Scopes.parseSpaceDelimited("memories:read"), "challenge",
                List.of("https://r.example/mcp"), "family", expiresAt);
    }
}
