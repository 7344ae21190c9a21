package com.lanonasis.gateway.application.identity;

import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.NewWebSession;
import com.lanonasis.gateway.application.identity.port.in.WebSessionUseCase;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.shared.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

public final class WebSessionService implements WebSessionUseCase {

    private static final int SESSION_ID_LENGTH = 43;

    private final PasswordCheck passwords;
    private final WebSessions sessions;
    private final AuditLog audit;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final Duration lifetime;

    public WebSessionService(PasswordCheck passwords, WebSessions sessions, AuditLog audit, SecretGenerator secrets,
                             Clock clock, Duration lifetime) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public Outcome<NewWebSession> signIn(LogIn logIn, String previousSessionId, String userAgent) {
        Violations violations = new Violations();
        Email email = violations.check(() -> new Email(logIn.email()));
        Password password = violations.check(() -> Password.presented(logIn.password()));
        Instant now = clock.instant();
        Outcome<User> checked = violations.any() ? Outcome.rejected(new Rejection.InvalidCredentials())
                : passwords.check(email, password, logIn.from());
        if (checked instanceof Outcome.Rejected<User> refused) {
            audit.record(new AuditEvent(refused.rejection() instanceof Rejection.RateLimited
                    ? AuditEvent.Type.LOGIN_LOCKED_OUT : AuditEvent.Type.LOGIN_FAILED, now, null, null,
                    Map.of("via", "web", "email", email == null ? "" : email.value())));
            return Outcome.rejected(refused.rejection());
        }
        Optional<User> user = Optional.of(((Outcome.Done<User>) checked).value());
        if (previousSessionId != null) {
            sessions.remove(new MachineSecret(previousSessionId).hash());
        }
        MachineSecret id = new MachineSecret(secrets.alphanumeric(SESSION_ID_LENGTH));
        sessions.add(new WebSession(id.hash(), user.get().id(), now, now.plus(lifetime), now, userAgent,
                LogIn.UNKNOWN_ADDRESS.equals(logIn.from()) ? null : logIn.from()));
        audit.record(new AuditEvent(AuditEvent.Type.LOGIN_SUCCEEDED, now, user.get().id().toString(), null,
                Map.of("via", "web")));
        return Outcome.done(new NewWebSession(id.reveal(), user.get(), lifetime));
    }

    @Override
    public void signOut(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            sessions.remove(new MachineSecret(sessionId).hash());
        }
    }
}
