package com.lanonasis.gateway.application.identity;

import com.lanonasis.gateway.application.identity.port.in.CurrentUserUseCase;
import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.LogInUseCase;
import com.lanonasis.gateway.application.identity.port.in.RegisterUserUseCase;
import com.lanonasis.gateway.application.identity.port.in.Registration;
import com.lanonasis.gateway.application.identity.port.in.UserSession;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.identity.AdminEmails;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.RegistrationPolicy;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.PlainText;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.shared.Violations;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

public final class IdentityService implements RegisterUserUseCase, LogInUseCase, CurrentUserUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final TokenSigner signer;
    private final PasswordCheck passwords;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final AuditLog audit;
    private final RegistrationPolicy registrationPolicy;
    private final AdminEmails admins;

    public IdentityService(Users users, PasswordHasher hasher, PasswordCheck passwords, TokenSigner signer,
                           AuditLog audit, IdGenerator ids, Clock clock, Duration tokenLifetime) {
        this(users, hasher, passwords, signer, audit, ids, clock, tokenLifetime, RegistrationPolicy.OPEN,
                AdminEmails.NONE);
    }

    public IdentityService(Users users, PasswordHasher hasher, PasswordCheck passwords, TokenSigner signer,
                           AuditLog audit, IdGenerator ids, Clock clock, Duration tokenLifetime,
                           RegistrationPolicy registration, AdminEmails admins) {
        this.registrationPolicy = registration;
        this.admins = admins;
        this.audit = audit;
        this.users = users;
        this.hasher = hasher;
        this.passwords = passwords;
        this.signer = signer;
        this.ids = ids;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    @Override
    public Outcome<User> register(Registration registration) {
        Violations violations = new Violations();
        Email email = violations.check(() -> new Email(PlainText.require("email", registration.email(), false)));
        Password password = violations.check(() -> Password.chosen(registration.password(), email));
        String name = violations.check(() -> User.normalizeName(PlainText.require("name", registration.name(), false)));
        if (violations.any()) {
            return violations.rejection();
        }
        // configured administrators may always register, so a closed instance can still get its first admin
        if (!admins.includes(email) && !registrationPolicy.admits(email)) {
            audit.record(new AuditEvent(AuditEvent.Type.REGISTRATION_REFUSED, clock.instant(), null, null,
                    Map.of("email", email.value(), "mode", registrationPolicy.mode().name().toLowerCase(Locale.ROOT))));
            return Outcome.rejected(new Rejection.Refused("registration_closed",
                    "registration of new accounts is closed for this address"));
        }
        Role role = admins.includes(email) ? Role.ADMIN : Role.USER;
        User user = new User(new UserId(ids.newId()), email, name, role, clock.instant());
        if (!users.add(new UserAccount(user, hasher.hash(password)))) {
            return Outcome.rejected(new Rejection.Conflict("email_taken", "an account with this email already exists"));
        }
        audit.record(new AuditEvent(AuditEvent.Type.USER_REGISTERED, user.createdAt(), user.id().toString(), null,
                role == Role.ADMIN ? Map.of("role", role.wireName(), "why", "ONASIS_ADMIN_EMAILS")
                        : Map.of("role", role.wireName())));
        return Outcome.done(user);
    }

    @Override
    public Outcome<UserSession> logIn(LogIn logIn) {
        Violations violations = new Violations();
        Email email = violations.check(() -> new Email(logIn.email()));
        Password password = violations.check(() -> Password.presented(logIn.password()));
        if (violations.any()) {
            return violations.rejection();
        }
        Outcome<User> checked = passwords.check(email, password, logIn.from());
        Instant now = clock.instant();
        if (checked instanceof Outcome.Rejected<User> refused) {
            audit.record(new AuditEvent(refused.rejection() instanceof Rejection.RateLimited
                    ? AuditEvent.Type.LOGIN_LOCKED_OUT : AuditEvent.Type.LOGIN_FAILED, now, null, null,
                    Map.of("via", "password", "email", email.value(), "from", logIn.from())));
            return Outcome.rejected(refused.rejection());
        }
        User user = ((Outcome.Done<User>) checked).value();
        audit.record(new AuditEvent(AuditEvent.Type.LOGIN_SUCCEEDED, now, user.id().toString(), null,
                Map.of("via", "password")));
        UserTokenClaims claims = new UserTokenClaims(ids.newId().toString(), user.id(), user.email().value(),
                user.role(), Scopes.forRole(user.role()), now, now.plus(tokenLifetime));
        return Outcome.done(new UserSession(signer.sign(claims), tokenLifetime, user));
    }

    @Override
    public Outcome<User> currentUser(Principal caller) {
        return users.findById(caller.userId())
                .map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("user"));
    }
}
