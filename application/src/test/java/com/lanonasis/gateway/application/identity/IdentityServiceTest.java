package com.lanonasis.gateway.application.identity;

import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUsers;
import com.lanonasis.gateway.embedded.inmemory.OpaqueTokenSigner;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import static com.lanonasis.gateway.application.fakes.Outcomes.done;
import static com.lanonasis.gateway.application.fakes.Outcomes.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.fakes.Fakes;
import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.Registration;
import com.lanonasis.gateway.application.identity.port.in.UserSession;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.identity.AdminEmails;
import com.lanonasis.gateway.domain.identity.RegistrationPolicy;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.tokens.UserTokenClaims;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityServiceTest {

    private final InMemoryUsers users = new InMemoryUsers(new InMemoryDatabase());
    private final Fakes.PlainHasher hasher = new Fakes.PlainHasher();
    private final OpaqueTokenSigner tokens = new OpaqueTokenSigner(SecretGenerator.secureRandom());
    private final InMemoryAuditLog audit = new InMemoryAuditLog(new InMemoryDatabase());
    private final Fakes.ManualClock clock = new Fakes.ManualClock();
    private final IdentityService identity = new IdentityService(users, hasher,
            new PasswordCheck(users, hasher, Fakes.counting(), new Fakes.CountingRateLimiter(), 3, Duration.ofMinutes(15)),
            tokens, audit, IdGenerator.random(), clock, Duration.ofMinutes(30));

    @Test
    void registersWithAHashedPassword() {
        User user = done(identity.register(new Registration("Ada@Example.com", "correct horse", " Ada ")));

        assertEquals("ada@example.com", user.email().value());
        assertEquals("Ada", user.name());
        assertEquals("plain:correct horse", users.findByEmail(user.email()).orElseThrow().passwordHash().reveal());
    }

    @Test
    void duplicateEmailIsAConflictAndAllBadFieldsAreReported() {
        done(identity.register(new Registration("ada@example.com", "correct horse", null)));

        Rejection taken = rejected(identity.register(new Registration("ADA@example.com", "another pass", null)));
        assertEquals(new Rejection.Conflict("email_taken", "an account with this email already exists"), taken);

        Rejection invalid = rejected(identity.register(new Registration("nope", "short", "x".repeat(101))));
        assertEquals(List.of("email", "password", "name"),
                ((Rejection.Invalid) invalid).errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void loginSignsAUserTokenWithTheConfiguredLifetime() {
        User user = done(identity.register(new Registration("ada@example.com", "correct horse", null)));

        UserSession session = done(identity.logIn(new LogIn("ada@example.com", "correct horse")));

        UserTokenClaims claims = tokens.verify(session.accessToken().reveal()).orElseThrow();
        assertEquals(user.id(), claims.subject());
        assertEquals(Scopes.USER_SESSION, claims.scopes());
        assertEquals(clock.instant().plus(Duration.ofMinutes(30)), claims.expiresAt());
        assertEquals(Duration.ofMinutes(30), session.expiresIn());
        assertEquals(List.of(AuditEvent.Type.USER_REGISTERED, AuditEvent.Type.LOGIN_SUCCEEDED), Fakes.auditTypes(audit));
    }

    @Test
    void unknownEmailAndWrongPasswordAreTheSameRejectionAndCostTheSameCheck() {
        done(identity.register(new Registration("ada@example.com", "correct horse", null)));
        int before = hasher.checks;

        Rejection wrong = rejected(identity.logIn(new LogIn("ada@example.com", "wrong horse")));
        Rejection unknown = rejected(identity.logIn(new LogIn("bob@example.com", "wrong horse")));

        assertEquals(wrong, unknown);
        assertInstanceOf(Rejection.InvalidCredentials.class, wrong);
        assertEquals(before + 2, hasher.checks, "a hash is checked for the unknown email too");
        assertEquals(List.of(AuditEvent.Type.USER_REGISTERED, AuditEvent.Type.LOGIN_FAILED,
                AuditEvent.Type.LOGIN_FAILED), Fakes.auditTypes(audit));
        assertTrue(audit.events().stream().noneMatch(e -> e.details().containsValue("wrong horse")));
    }

    @Test
    void anAccountIsLockedAfterRepeatedFailuresWhetherOrNotItExists() {
        done(identity.register(new Registration("locked@example.com", "correct horse", null)));
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Rejection.InvalidCredentials.class,
                    rejected(identity.logIn(new LogIn("locked@example.com", "wrong " + i))));
            assertInstanceOf(Rejection.InvalidCredentials.class,
                    rejected(identity.logIn(new LogIn("nobody@example.com", "wrong " + i))));
        }
        assertInstanceOf(Rejection.RateLimited.class,
                rejected(identity.logIn(new LogIn("locked@example.com", "correct horse"))), "even the right password");
        assertInstanceOf(Rejection.RateLimited.class,
                rejected(identity.logIn(new LogIn("nobody@example.com", "x"))), "unknown emails lock alike");
        done(identity.register(new Registration("other@example.com", "correct horse", null)));
        done(identity.logIn(new LogIn("other@example.com", "correct horse")));
    }

    private IdentityService withPolicy(RegistrationPolicy policy, AdminEmails admins) {
        return new IdentityService(users, hasher, new PasswordCheck(users, hasher, Fakes.counting(),
                new Fakes.CountingRateLimiter(), 3, Duration.ofMinutes(15)), tokens, audit, IdGenerator.random(),
                clock, Duration.ofMinutes(30), policy, admins);
    }

    @Test
    void closedRegistrationRefusesEveryoneButTheConfiguredAdministrators() {
        IdentityService closed = withPolicy(RegistrationPolicy.of("closed", ""), AdminEmails.of("Root@Example.com"));

        Rejection refused = rejected(closed.register(new Registration("ada@example.com", "correct horse", null)));
        assertEquals(new Rejection.Refused("registration_closed",
                "registration of new accounts is closed for this address"), refused);
        assertTrue(users.search("", 0, 1).isEmpty(), "nothing written");
        User root = done(closed.register(new Registration("root@example.com", "correct horse", null)));
        assertEquals(Role.ADMIN, root.role());
        assertEquals(List.of(AuditEvent.Type.REGISTRATION_REFUSED, AuditEvent.Type.USER_REGISTERED), Fakes.auditTypes(audit));
    }

    @Test
    void anAllowlistAdmitsExactAddressesAndWholeDomainsOnly() {
        IdentityService allowlist = withPolicy(RegistrationPolicy.of("allowlist", "*@corp.example, ada@example.com"),
                AdminEmails.NONE);

        assertEquals(Role.USER, done(allowlist.register(new Registration("x@corp.example", "correct horse", null)))
                .role());
        done(allowlist.register(new Registration("ADA@example.com", "correct horse", null)));
        for (String outsider : List.of("x@sub.corp.example", "x@corp.example.evil", "bob@example.com",
                "x@evilcorp.example")) {
            assertInstanceOf(Rejection.Refused.class,
                    rejected(allowlist.register(new Registration(outsider, "correct horse", null))), outsider);
        }
    }

    @Test
    void aDisabledAccountCannotSignInEvenWithTheRightPassword() {
        User user = done(identity.register(new Registration("ada@example.com", "correct horse", null)));
        users.setDisabled(user.id(), true);

        assertEquals(new Rejection.Refused("account_disabled", "this account is disabled"),
                rejected(identity.logIn(new LogIn("ada@example.com", "correct horse"))));
        assertInstanceOf(Rejection.InvalidCredentials.class,
                rejected(identity.logIn(new LogIn("ada@example.com", "wrong horse"))));
    }
}
