package com.lanonasis.gateway.application.admin;

import com.lanonasis.gateway.application.account.port.in.ListedSession;
import com.lanonasis.gateway.application.admin.port.in.AdministerSessionsUseCase;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A user's browser sessions as an administrator lists and ends them; every call is audited. */
public final class AdminSessionService implements AdministerSessionsUseCase {

    private final Users users;
    private final WebSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    public AdminSessionService(Users users, WebSessions sessions, AuditLog audit, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Outcome<List<ListedSession>> sessions(Principal caller, String userId) {
        if (!AdminService.isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        List<ListedSession> listed = sessions.ofUser(user.get().id()).stream()
                .map(session -> new ListedSession(session, session.publicId().equals(caller.credentialId())))
                .toList();
        record(AuditEvent.Type.ADMIN_VIEWED, caller, user.get().id(), Map.of("action", "sessions.list"));
        return Outcome.done(listed);
    }

    @Override
    public Outcome<String> revokeSession(Principal caller, String userId, String sessionId) {
        if (!AdminService.isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        Optional<WebSession> session = sessions.ofUser(user.get().id()).stream()
                .filter(candidate -> candidate.publicId().equals(sessionId)).findFirst();
        if (session.isEmpty()) {
            return Outcome.notFound("session");
        }
        sessions.remove(session.get().idHash());
        record(AuditEvent.Type.SESSION_REVOKED, caller, user.get().id(), Map.of("session_id", sessionId));
        return Outcome.done(sessionId);
    }

    private Optional<User> find(String userId) {
        try {
            return users.findById(UserId.parse(userId));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private void record(AuditEvent.Type type, Principal caller, UserId target, Map<String, String> details) {
        Map<String, String> all = new java.util.HashMap<>(details);
        all.put("by", caller.userId().toString());
        all.put("credential", caller.via().name().toLowerCase(Locale.ROOT));
        audit.record(new AuditEvent(type, clock.instant(), target.toString(), caller.clientId(), all));
    }
}
