package com.lanonasis.gateway.application.fakes;

import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.SignedToken;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the use-case tests need beyond the in-memory adapters of {@code embedded.inmemory}: a clock that
 * stands still, predictable secrets, a unit of work that counts, a hasher whose output can be read.
 */
public final class Fakes {

    private Fakes() {
    }

    /** A clock that stands still until moved. */
    public static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** Deterministic "random" strings: a counter, padded. */
    /** Counts calls per key forever (one endless window): enough to test limits in the core. */
    public static final class CountingRateLimiter implements RateLimiter {
        private final java.util.Map<String, Long> counts = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Count acquire(String key, int limit, Duration window) {
            return new Count(counts.merge(key, 1L, Long::sum), limit, window);
        }

        @Override
        public Count peek(String key, int limit, Duration window) {
            return new Count(counts.getOrDefault(key, 0L), limit, window);
        }
    }

    public static SecretGenerator counting() {
        AtomicInteger next = new AtomicInteger();
        return length -> {
            String base = "s" + next.incrementAndGet() + "x".repeat(length);
            return base.substring(0, length);
        };
    }

    /** Runs the work and remembers whether it would have committed. */
    public static final class RecordingUnitOfWork implements UnitOfWork {
        public int commits;
        public int rollbacks;

        @Override
        public <T> Outcome<T> allOrNothing(Supplier<Outcome<T>> work) {
            Outcome<T> result = work.get();
            if (result instanceof Outcome.Done<T>) {
                commits++;
            } else {
                rollbacks++;
            }
            return result;
        }

        @Override
        public <T> T alwaysCommit(Supplier<T> work) {
            T result = work.get();
            commits++;
            return result;
        }
    }

    /** Not a real hash: enough to tell matching from not matching. */
    public static final class PlainHasher implements PasswordHasher {
        public int checks;

        @Override
        public PasswordHash hash(Password password) {
            return new PasswordHash("plain:" + password.reveal());
        }

        @Override
        public boolean matches(Password candidate, PasswordHash stored) {
            checks++;
            return stored.reveal().equals("plain:" + candidate.reveal());
        }
    }





    /** The types of the audit events recorded, oldest first. */
    public static List<AuditEvent.Type> auditTypes(InMemoryAuditLog audit) {
        return audit.events().stream().map(AuditEvent::type).toList();
    }
}
