package com.lanonasis.gateway.adapters.persistence.redis;

import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of each short-lived record in Redis. Hashes and ids only: no secret is stored. */
final class Codec {

    private Codec() {
    }

    static Map<String, Object> code(AuthorizationCode code) {
        Map<String, Object> map = new HashMap<>();
        map.put("hash", code.codeHash().hex());
        map.put("client", code.clientId());
        map.put("user", code.userId().toString());
        map.put("redirect", code.redirectUri());
        map.put("scope", code.scopes().spaceDelimited());
        map.put("challenge", code.codeChallenge());
        map.put("resources", code.resources());
        map.put("family", code.familyId());
        map.put("expires", code.expiresAt().toString());
        return map;
    }

    static AuthorizationCode code(Map<String, Object> map) {
        return new AuthorizationCode(new SecretHash(s(map, "hash")), s(map, "client"), UserId.parse(s(map, "user")),
                s(map, "redirect"), Scopes.parseSpaceDelimited(s(map, "scope")), s(map, "challenge"),
                list(map, "resources"), s(map, "family"), Instant.parse(s(map, "expires")));
    }

    static Map<String, Object> pending(PendingAuthorization pending) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", pending.id());
        map.put("user", pending.userId().toString());
        map.put("client", pending.clientId());
        map.put("redirect", pending.redirectUri());
        map.put("scope", pending.scopes().spaceDelimited());
        map.put("state", pending.state());
        map.put("challenge", pending.codeChallenge());
        map.put("resources", pending.resources());
        map.put("expires", pending.expiresAt().toString());
        return map;
    }

    static PendingAuthorization pending(Map<String, Object> map) {
        return new PendingAuthorization(s(map, "id"), UserId.parse(s(map, "user")), s(map, "client"),
                s(map, "redirect"), Scopes.parseSpaceDelimited(s(map, "scope")), s(map, "state"),
                s(map, "challenge"), list(map, "resources"), Instant.parse(s(map, "expires")));
    }

    static Map<String, Object> device(DeviceAuthorization device) {
        Map<String, Object> map = new HashMap<>();
        map.put("hash", device.deviceCodeHash().hex());
        map.put("userCode", device.userCode());
        map.put("client", device.clientId());
        map.put("scope", device.scopes().spaceDelimited());
        map.put("resources", device.resources());
        map.put("status", device.status().name());
        map.put("approvedBy", device.approvedBy() == null ? null : device.approvedBy().toString());
        map.put("expires", device.expiresAt().toString());
        map.put("intervalMillis", device.interval().toMillis());
        map.put("polled", device.lastPolledAt() == null ? null : device.lastPolledAt().toString());
        return map;
    }

    static DeviceAuthorization device(Map<String, Object> map) {
        String approvedBy = s(map, "approvedBy");
        String polled = s(map, "polled");
        return new DeviceAuthorization(new SecretHash(s(map, "hash")), s(map, "userCode"), s(map, "client"),
                Scopes.parseSpaceDelimited(s(map, "scope")), list(map, "resources"),
                DeviceAuthorization.Status.valueOf(s(map, "status")),
                approvedBy == null ? null : UserId.parse(approvedBy), Instant.parse(s(map, "expires")),
                Duration.ofMillis(((Number) map.get("intervalMillis")).longValue()),
                polled == null ? null : Instant.parse(polled));
    }

    static Map<String, Object> session(WebSession session) {
        Map<String, Object> map = new HashMap<>();
        map.put("hash", session.idHash().hex());
        map.put("user", session.userId().toString());
        map.put("created", session.createdAt().toString());
        map.put("expires", session.expiresAt().toString());
        map.put("seen", session.lastSeenAt().toString());
        map.put("agent", session.userAgent());
        map.put("address", session.clientAddress());
        return map;
    }

    static WebSession session(Map<String, Object> map) {
        String seen = s(map, "seen");
        return new WebSession(new SecretHash(s(map, "hash")), UserId.parse(s(map, "user")),
                Instant.parse(s(map, "created")), Instant.parse(s(map, "expires")),
                seen == null ? null : Instant.parse(seen), s(map, "agent"), s(map, "address"));
    }

    private static String s(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> items ? (List<String>) items : List.of();
    }
}
