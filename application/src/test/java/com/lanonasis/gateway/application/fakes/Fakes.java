package com.lanonasis.gateway.application.fakes;

import com.lanonasis.gateway.domain.audit.AuditEvent;
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

/** Small hand-written fakes of the outgoing ports, for the use-case tests. */
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

    public static final class InMemoryUsers implements Users {
        public final Map<UserId, UserAccount> accounts = new HashMap<>();

        @Override
        public boolean add(UserAccount account) {
            if (findByEmail(account.user().email()).isPresent()) {
                return false;
            }
            accounts.put(account.user().id(), account);
            return true;
        }

        @Override
        public Optional<UserAccount> findByEmail(Email email) {
            return accounts.values().stream().filter(a -> a.user().email().equals(email)).findFirst();
        }

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.ofNullable(accounts.get(id)).map(UserAccount::user);
        }
    }

    public static final class InMemoryApiKeys implements ApiKeys {
        public final Map<ApiKeyId, ApiKey> keys = new HashMap<>();
        public int usesRecorded;

        @Override
        public void add(ApiKey key) {
            keys.put(key.id(), key);
        }

        @Override
        public Optional<ApiKey> findById(ApiKeyId id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public List<ApiKey> listByOwner(UserId owner) {
            return keys.values().stream().filter(k -> k.owner().equals(owner) && k.revokedAt() == null)
                    .sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
        }

        @Override
        public boolean revoke(ApiKeyId id, UserId owner, Instant at) {
            ApiKey key = keys.get(id);
            if (key == null || !key.owner().equals(owner) || key.revokedAt() != null) {
                return false;
            }
            keys.put(id, new ApiKey(key.id(), key.owner(), key.name(), key.scopes(), key.secretHash(),
                    key.createdAt(), key.expiresAt(), key.lastUsedAt(), at));
            return true;
        }

        @Override
        public boolean rotate(ApiKeyId id, UserId owner, SecretHash replacement, Instant graceUntil) {
            ApiKey key = keys.get(id);
            if (key == null || !key.owner().equals(owner) || key.revokedAt() != null) {
                return false;
            }
            keys.put(id, new ApiKey(key.id(), key.owner(), key.name(), key.scopes(), replacement, key.createdAt(),
                    key.expiresAt(), key.lastUsedAt(), null, key.secretHash(), graceUntil));
            return true;
        }

        @Override
        public void recordUse(ApiKeyId id, Instant at) {
            usesRecorded++;
            ApiKey key = keys.get(id);
            keys.put(id, new ApiKey(key.id(), key.owner(), key.name(), key.scopes(), key.secretHash(),
                    key.createdAt(), key.expiresAt(), at, key.revokedAt(), key.previousSecretHash(),
                    key.previousSecretUntil()));
        }
    }

    /** "Signs" by remembering the claims under a made-up token. */
    public static final class FakeUserTokens implements TokenSigner {
        public final Map<String, UserTokenClaims> issued = new HashMap<>();

        @Override
        public SignedToken sign(UserTokenClaims claims) {
            String token = "user-token-" + issued.size();
            issued.put(token, claims);
            return new SignedToken(token);
        }

        @Override
        public Optional<UserTokenClaims> verify(String compact) {
            return Optional.ofNullable(issued.get(compact));
        }
    }

    public static final class InMemoryAccessTokens implements AccessTokens {
        public final List<IssuedAccessToken> tokens = new ArrayList<>();

        @Override
        public void add(IssuedAccessToken token) {
            tokens.add(token);
        }

        @Override
        public Optional<IssuedAccessToken> byTokenHash(SecretHash hash) {
            return tokens.stream().filter(t -> t.tokenHash().equals(hash)).findFirst();
        }

        @Override
        public void revoke(String tokenId, Instant at) {
            tokens.replaceAll(t -> t.claims().tokenId().equals(tokenId) && t.revokedAt() == null ? revoked(t, at) : t);
        }

        @Override
        public void revokeFamily(String familyId, Instant at) {
            tokens.replaceAll(t -> t.familyId().equals(familyId) && t.revokedAt() == null ? revoked(t, at) : t);
        }

        private static IssuedAccessToken revoked(IssuedAccessToken t, Instant at) {
            return new IssuedAccessToken(t.claims(), t.userId(), t.tokenHash(), t.familyId(), at);
        }
    }

    public static final class RecordingAuditLog implements AuditLog {
        public final List<AuditEvent> events = new ArrayList<>();

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        public List<AuditEvent.Type> types() {
            return events.stream().map(AuditEvent::type).toList();
        }
    }
}
