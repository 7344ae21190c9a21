package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.CodeRedemption;
import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Codes, pending consents, device authorizations and browser sessions in Redis, so any instance
 * can finish a flow another started. Every key expires with its record.
 */
public final class RedisShortLivedState {

    /** Marks an APPROVED device authorization REDEEMED, exactly once, keeping its expiry. */
    private static final String REDEEM_DEVICE = """
            local value = redis.call('GET', KEYS[1])
            if not value then return 0 end
            local device = cjson.decode(value)
            if device['status'] ~= 'APPROVED' then return 0 end
            device['status'] = 'REDEEMED'
            redis.call('SET', KEYS[1], cjson.encode(device), 'KEEPTTL')
            return 1
            """;

    /** Counts a call in the current window; returns the count and the window's remaining milliseconds. */
    private static final String RATE_LIMIT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local left = redis.call('PTTL', KEYS[1])
            if left < 1 then left = 1 end
            return {count, left}
            """;

    /** The count of the current window and its remaining milliseconds, counting nothing. */
    private static final String RATE_PEEK = """
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            local left = redis.call('PTTL', KEYS[1])
            if left < 1 then left = tonumber(ARGV[1]) end
            return {count, left}
            """;

    private final RedisStore redis;

    public RedisShortLivedState(RedisStore redis) {
        this.redis = redis;
    }

    public AuthorizationCodes authorizationCodes() {
        return new AuthorizationCodes() {
            @Override
            public void add(AuthorizationCode code) {
                redis.call(c -> c.set(key("code", code.codeHash()), redis.write(Codec.code(code)),
                        SetArgs.Builder.px(redis.ttlMillis(code.expiresAt()))));
            }

            @Override
            public CodeRedemption redeem(SecretHash codeHash) {
                String stored = redis.call(c -> c.get(key("code", codeHash)));
                if (stored == null) {
                    return new CodeRedemption.Unknown();
                }
                AuthorizationCode code = Codec.code(redis.read(stored));
                // SET NX decides the one winner across every instance
                String first = redis.call(c -> c.set(key("code-used", codeHash), "1",
                        SetArgs.Builder.nx().px(redis.ttlMillis(code.expiresAt()))));
                return "OK".equals(first) ? new CodeRedemption.Redeemed(code)
                        : new CodeRedemption.Replayed(code.familyId());
            }
        };
    }

    public PendingAuthorizations pendingAuthorizations() {
        return new PendingAuthorizations() {
            @Override
            public void add(PendingAuthorization pending) {
                redis.call(c -> c.set(PREFIX_PENDING + pending.id(), redis.write(Codec.pending(pending)),
                        SetArgs.Builder.px(redis.ttlMillis(pending.expiresAt()))));
            }

            @Override
            public Optional<PendingAuthorization> take(String id) {
                return Optional.ofNullable(redis.call(c -> c.getdel(PREFIX_PENDING + id)))
                        .map(value -> Codec.pending(redis.read(value)));
            }

            @Override
            public Optional<PendingAuthorization> find(String id) {
                return Optional.ofNullable(redis.call(c -> c.get(PREFIX_PENDING + id)))
                        .map(value -> Codec.pending(redis.read(value)));
            }
        };
    }

    public DeviceAuthorizations deviceAuthorizations() {
        return new DeviceAuthorizations() {
            @Override
            public void add(DeviceAuthorization device) {
                long ttl = redis.ttlMillis(device.expiresAt());
                // the user code ends at expiry; the device code stays a while longer, to be answered expired_token
                long kept = redis.ttlMillis(device.keptUntil());
                redis.call(c -> c.set(key("device", device.deviceCodeHash()), redis.write(Codec.device(device)),
                        SetArgs.Builder.px(kept)));
                redis.call(c -> c.set(RedisStore.PREFIX + "user-code:" + device.userCode(),
                        device.deviceCodeHash().hex(), SetArgs.Builder.px(ttl)));
            }

            @Override
            public Optional<DeviceAuthorization> byDeviceCode(SecretHash deviceCodeHash) {
                return Optional.ofNullable(redis.call(c -> c.get(key("device", deviceCodeHash))))
                        .map(value -> Codec.device(redis.read(value)));
            }

            @Override
            public Optional<DeviceAuthorization> byUserCode(String userCode) {
                return Optional.ofNullable(redis.call(c -> c.get(RedisStore.PREFIX + "user-code:" + userCode)))
                        .flatMap(hash -> byDeviceCode(new SecretHash(hash)));
            }

            @Override
            public void update(DeviceAuthorization device) {
                redis.call(c -> c.set(key("device", device.deviceCodeHash()), redis.write(Codec.device(device)),
                        SetArgs.Builder.xx().keepttl()));
            }

            @Override
            public boolean redeem(SecretHash deviceCodeHash) {
                Long changed = redis.call(c -> c.eval(REDEEM_DEVICE, ScriptOutputType.INTEGER,
                        key("device", deviceCodeHash)));
                return changed != null && changed == 1;
            }
        };
    }

    /** Fixed windows counted in Redis: one limit across every instance. */
    public RateLimiter rateLimiter() {
        return new RateLimiter() {
            @Override
            public Count acquire(String key, int limit, Duration window) {
                List<Long> counted = redis.call(c -> c.eval(RATE_LIMIT, ScriptOutputType.MULTI,
                        new String[] {RedisStore.PREFIX + "rate:" + key}, String.valueOf(window.toMillis())));
                return new Count(counted.get(0), limit, Duration.ofMillis(counted.get(1)));
            }

            @Override
            public Count peek(String key, int limit, Duration window) {
                List<Long> counted = redis.call(c -> c.eval(RATE_PEEK, ScriptOutputType.MULTI,
                        new String[] {RedisStore.PREFIX + "rate:" + key}, String.valueOf(window.toMillis())));
                return new Count(counted.get(0), limit, Duration.ofMillis(counted.get(1)));
            }
        };
    }

    /**
     * Each session under its hash, and a set per user naming the hashes of that user's sessions
     * (expiring with the longest of them); members whose session has expired or ended are dropped
     * when the set is read.
     */
    public WebSessions webSessions() {
        return new WebSessions() {
            @Override
            public void add(WebSession session) {
                long ttl = redis.ttlMillis(session.expiresAt());
                redis.call(c -> c.set(key("session", session.idHash()), redis.write(Codec.session(session)),
                        SetArgs.Builder.px(ttl)));
                redis.call(c -> c.eval(INDEX_SESSION, ScriptOutputType.INTEGER,
                        new String[] {userSessionsKey(session.userId())}, session.idHash().hex(), String.valueOf(ttl)));
            }

            @Override
            public Optional<WebSession> find(SecretHash idHash) {
                return Optional.ofNullable(redis.call(c -> c.get(key("session", idHash))))
                        .map(value -> Codec.session(redis.read(value)));
            }

            @Override
            public void remove(SecretHash idHash) {
                Optional<WebSession> gone = find(idHash);
                redis.call(c -> c.del(key("session", idHash)));
                gone.ifPresent(session -> redis.call(c -> c.srem(userSessionsKey(session.userId()), idHash.hex())));
            }

            @Override
            public List<WebSession> ofUser(UserId user) {
                String index = userSessionsKey(user);
                Set<String> hashes = redis.call(c -> c.smembers(index));
                if (hashes == null || hashes.isEmpty()) {
                    return List.of();
                }
                List<String> ordered = new ArrayList<>(hashes);
                List<KeyValue<String, String>> stored = redis.call(c -> c.mget(ordered.stream()
                        .map(hash -> key("session", new SecretHash(hash))).toArray(String[]::new)));
                List<WebSession> live = new ArrayList<>();
                List<String> ended = new ArrayList<>();
                for (int i = 0; i < ordered.size(); i++) {
                    KeyValue<String, String> value = stored.get(i);
                    if (value.hasValue()) {
                        live.add(Codec.session(redis.read(value.getValue())));
                    } else {
                        ended.add(ordered.get(i));
                    }
                }
                if (!ended.isEmpty()) {
                    redis.call(c -> c.srem(index, ended.toArray(String[]::new)));
                }
                live.sort(Comparator.comparing(WebSession::createdAt).reversed().thenComparing(WebSession::publicId));
                return live;
            }

            @Override
            public void seen(SecretHash idHash, Instant at) {
                find(idHash).ifPresent(session -> redis.call(c -> c.set(key("session", idHash),
                        redis.write(Codec.session(session.seenAt(at))), SetArgs.Builder.xx().keepttl())));
            }
        };
    }

    /** Adds a session hash to its user's set and keeps the set alive at least as long as that session. */
    private static final String INDEX_SESSION = """
            redis.call('SADD', KEYS[1], ARGV[1])
            local left = redis.call('PTTL', KEYS[1])
            if left < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 1
            """;

    private static String userSessionsKey(UserId user) {
        return RedisStore.PREFIX + "user-sessions:" + user;
    }

    private static final String PREFIX_PENDING = RedisStore.PREFIX + "pending:";

    private static String key(String kind, SecretHash hash) {
        return RedisStore.PREFIX + kind + ":" + hash.hex();
    }
}
