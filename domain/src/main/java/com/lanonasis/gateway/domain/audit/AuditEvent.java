package com.lanonasis.gateway.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something security-relevant that happened. Never carries a secret: ids, names and reasons only.
 *
 * @param userId   null when no user is involved or known
 * @param clientId null when no client is involved
 */
public record AuditEvent(Type type, Instant at, String userId, String clientId, Map<String, String> details) {

    public enum Type {
        LOGIN_SUCCEEDED, LOGIN_FAILED, TOKEN_ISSUED, TOKEN_REFRESHED, REFRESH_REUSE_DETECTED, CODE_REPLAY_DETECTED,
        TOKEN_REVOKED, CLIENT_REGISTERED, CLIENT_UPDATED, CLIENT_DELETED, CONSENT_GRANTED, DEVICE_APPROVED,
        DEVICE_DENIED, LOGIN_LOCKED_OUT, USER_REGISTERED, REGISTRATION_REFUSED, ROLE_CHANGED, USER_DISABLED,
        USER_ENABLED, USER_DELETED, API_KEY_CREATED, API_KEY_ROTATED, API_KEY_REVOKED, GRANT_REVOKED,
        SIGNING_KEY_ROTATED, CLIENT_DISABLED, CLIENT_ENABLED, ADMIN_VIEWED,
        // account self-service (issue 17)
        SESSION_REVOKED, PASSWORD_CHANGED, CONSENT_WITHDRAWN, PROFILE_UPDATED,
        // upstream MCP servers (issue 14)
        UPSTREAM_CREATED, UPSTREAM_UPDATED, UPSTREAM_ENABLED, UPSTREAM_DISABLED, UPSTREAM_DELETED
    }

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        details = Map.copyOf(details);
    }
}
