package com.lanonasis.gateway.domain.audit;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.time.Instant;

/**
 * A page of the audit log, newest first. Null filters match everything.
 *
 * @param page 1-based
 */
public record AuditQuery(String userId, String clientId, AuditEvent.Type type, Instant from, Instant to,
                         int page, int limit) {

    public static final int MAX_LIMIT = 200;

    public AuditQuery {
        if (page < 1) {
            throw new InvalidValue("page", "page must be at least 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidValue("to", "to must not be before from");
        }
    }

    public AuditQuery forUser(String user) {
        return new AuditQuery(user, clientId, type, from, to, page, limit);
    }
}
