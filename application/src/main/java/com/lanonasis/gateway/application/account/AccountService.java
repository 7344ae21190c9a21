package com.lanonasis.gateway.application.account;

import com.lanonasis.gateway.application.account.port.in.AccountDeletion;
import com.lanonasis.gateway.application.account.port.in.AccountErased;
import com.lanonasis.gateway.application.account.port.in.ChangePasswordUseCase;
import com.lanonasis.gateway.application.account.port.in.ConnectedApp;
import com.lanonasis.gateway.application.account.port.in.ConnectedAppsUseCase;
import com.lanonasis.gateway.application.account.port.in.DeleteOwnAccountUseCase;
import com.lanonasis.gateway.application.account.port.in.ListedSession;
import com.lanonasis.gateway.application.account.port.in.ManageProfileUseCase;
import com.lanonasis.gateway.application.account.port.in.ManageSessionsUseCase;
import com.lanonasis.gateway.application.account.port.in.PasswordChange;
import com.lanonasis.gateway.application.admin.AccountErasure;
import com.lanonasis.gateway.application.admin.port.in.AccountDeleted;
import com.lanonasis.gateway.application.identity.PasswordCheck;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.Consent;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.identity.WebSession;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.FieldError;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.PlainText;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.tokens.Grant;
import com.lanonasis.gateway.domain.tokens.port.out.Grants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person's own account: profile, password, browser sessions, connected apps and
 * deleting the account. Everything but reading the profile needs a first-party credential (the
 * browser session or a login token from a password sign-in): an app holding an OAuth token or an
 * API key must not change the password, end sessions, withdraw other apps or delete the account.
 */
public final class AccountService implements ManageProfileUseCase, ChangePasswordUseCase, ManageSessionsUseCase,
        ConnectedAppsUseCase, DeleteOwnAccountUseCase {

    private final Users users;
    private final UserDirectory directory;
    private final PasswordHasher hasher;
    private final PasswordCheck passwords;
    private final WebSessions sessions;
    private final Consents consents;
    private final Grants grants;
    private final Clients clients;
    private final AccountErasure erasure;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public AccountService(Users users, UserDirectory directory, PasswordHasher hasher, PasswordCheck passwords,
                          WebSessions sessions, Consents consents, Grants grants, Clients clients,
                          AccountErasure erasure, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        this.users = users;
        this.directory = directory;
        this.hasher = hasher;
        this.passwords = passwords;
        this.sessions = sessions;
        this.consents = consents;
        this.grants = grants;
        this.clients = clients;
        this.erasure = erasure;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    static boolean firstParty(Principal caller) {
        return caller.via() == CredentialKind.WEB_SESSION || caller.via() == CredentialKind.USER_TOKEN;
    }

    private static <T> Outcome<T> notFirstParty() {
        return Outcome.rejected(new Rejection.Refused("first_party_credential_required",
                "sign in with your password (the account page, or a login token) to manage your account; "
                        + "API keys and app tokens cannot"));
    }

    @Override
    public Outcome<User> profile(Principal caller) {
        return users.findById(caller.userId()).<Outcome<User>>map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("user"));
    }

    @Override
    public Outcome<User> rename(Principal caller, String name) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        String normalized;
        try {
            normalized = User.normalizeName(name == null || name.isBlank() ? null : PlainText.require("name", name, false));
        } catch (InvalidValue e) {
            return Outcome.rejected(new Rejection.Invalid(List.of(new FieldError(e.field(), e.getMessage()))));
        }
        if (!directory.rename(caller.userId(), normalized)) {
            return Outcome.notFound("user");
        }
        record(AuditEvent.Type.PROFILE_UPDATED, caller, Map.of("field", "name"));
        return profile(caller);
    }

    @Override
    public Outcome<PasswordChanged> change(Principal caller, PasswordChange change) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        Email email = new Email(caller.email());
        Password replacement;
        try {
            replacement = Password.chosen(change.newPassword(), email);
        } catch (InvalidValue e) {
            return Outcome.rejected(new Rejection.Invalid(List.of(new FieldError("new_password", e.getMessage()))));
        }
        Outcome<User> checked = checkPassword(email, change.currentPassword(), change.from());
        if (checked instanceof Outcome.Rejected<User> refused) {
            record(AuditEvent.Type.LOGIN_FAILED, caller, Map.of("via", "password_change"));
            return Outcome.rejected(refused.rejection());
        }
        Optional<UserAccount> account = users.findByEmail(email);
        if (account.isEmpty()) {
            return Outcome.notFound("user");
        }
        PasswordHash stored = account.get().passwordHash();
        if (!directory.replacePasswordHash(caller.userId(), stored, hasher.hash(replacement))) {
            return Outcome.rejected(new Rejection.Conflict("password_changed_meanwhile",
                    "the password was changed by another request meanwhile; sign in again"));
        }
        int ended = endSessions(caller, true);
        int revoked = grants.revokeAll(caller.userId(), clock.instant());
        record(AuditEvent.Type.PASSWORD_CHANGED, caller, Map.of("sessions_ended", String.valueOf(ended),
                "grants_revoked", String.valueOf(revoked)));
        return Outcome.done(new PasswordChanged(ended, revoked));
    }

    @Override
    public Outcome<List<ListedSession>> sessions(Principal caller) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        return Outcome.done(sessions.ofUser(caller.userId()).stream()
                .map(session -> new ListedSession(session, isCurrent(caller, session))).toList());
    }

    @Override
    public Outcome<String> signOut(Principal caller, String sessionId) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        Optional<WebSession> session = sessions.ofUser(caller.userId()).stream()
                .filter(candidate -> candidate.publicId().equals(sessionId)).findFirst();
        if (session.isEmpty()) {
            return Outcome.notFound("session");
        }
        sessions.remove(session.get().idHash());
        record(AuditEvent.Type.SESSION_REVOKED, caller, Map.of("session_id", sessionId));
        return Outcome.done(sessionId);
    }

    @Override
    public Outcome<Integer> signOutOthers(Principal caller) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        int ended = endSessions(caller, true);
        record(AuditEvent.Type.SESSION_REVOKED, caller, Map.of("session_id", "*", "sessions_ended",
                String.valueOf(ended)));
        return Outcome.done(ended);
    }

    @Override
    public Outcome<List<ConnectedApp>> apps(Principal caller) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        Map<String, Consent> consented = new LinkedHashMap<>();
        for (Consent consent : consents.of(caller.userId())) {
            consented.put(consent.clientId(), consent);
        }
        Map<String, List<Grant>> live = new LinkedHashMap<>();
        for (Grant grant : grants.liveOf(caller.userId(), clock.instant())) {
            live.computeIfAbsent(grant.clientId(), client -> new ArrayList<>()).add(grant);
        }
        List<String> clientIds = new ArrayList<>(consented.keySet());
        live.keySet().stream().filter(client -> !consented.containsKey(client)).forEach(clientIds::add);
        List<ConnectedApp> apps = new ArrayList<>();
        for (String clientId : clientIds) {
            Consent consent = consented.get(clientId);
            String name = clients.find(clientId).map(client -> client.name()).filter(n -> n != null && !n.isBlank())
                    .orElse(clientId);
            apps.add(new ConnectedApp(clientId, name, consent == null ? List.of() : consent.scopes().names(),
                    consent == null ? null : consent.grantedAt(), live.getOrDefault(clientId, List.of())));
        }
        return Outcome.done(apps);
    }

    @Override
    public Outcome<Integer> withdraw(Principal caller, String clientId) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > OAuthClient.MAX_DOCUMENT_URL_LENGTH) {
            return Outcome.notFound("app");
        }
        Instant now = clock.instant();
        return unitOfWork.allOrNothing(() -> {
            boolean hadConsent = consents.withdraw(caller.userId(), clientId);
            int revoked = grants.revokeClient(caller.userId(), clientId, now);
            if (!hadConsent && revoked == 0) {
                return Outcome.<Integer>notFound("app");
            }
            Map<String, String> details = new HashMap<>();
            details.put("grants_revoked", String.valueOf(revoked));
            details.put("via", caller.via().name().toLowerCase(Locale.ROOT));
            audit.record(new AuditEvent(AuditEvent.Type.CONSENT_WITHDRAWN, now, caller.userId().toString(), clientId,
                    details));
            return Outcome.done(revoked);
        });
    }

    @Override
    public Outcome<AccountErased> delete(Principal caller, AccountDeletion deletion) {
        if (!firstParty(caller)) {
            return notFirstParty();
        }
        String expected = "DELETE " + caller.email();
        String given = deletion.confirmation() == null ? "" : deletion.confirmation().strip();
        if (!given.regionMatches(0, "DELETE ", 0, 7) || !given.equalsIgnoreCase(expected)) {
            return Outcome.rejected(new Rejection.Refused("confirmation_required",
                    "type DELETE followed by your e-mail address to confirm"));
        }
        if (caller.role() == Role.ADMIN) {
            return Outcome.rejected(new Rejection.Conflict("admin_account",
                    "an administrator's account cannot delete itself; ask another administrator to demote you first"));
        }
        Outcome<User> checked = checkPassword(new Email(caller.email()), deletion.password(), deletion.from());
        if (checked instanceof Outcome.Rejected<User> refused) {
            record(AuditEvent.Type.LOGIN_FAILED, caller, Map.of("via", "account_deletion"));
            return Outcome.rejected(refused.rejection());
        }
        Optional<AccountDeleted> deleted = erasure.erase(caller.userId());
        if (deleted.isEmpty()) {
            return Outcome.notFound("user");
        }
        record(AuditEvent.Type.USER_DELETED, caller, Map.of("by", "self",
                "memories_deleted", String.valueOf(deleted.get().memoriesDeleted())));
        return Outcome.done(new AccountErased(deleted.get().userId(), deleted.get().memoriesDeleted()));
    }

    /** The current password, through the sign-in check (and its lock-out): a wrong one is {@code wrong_password}. */
    private Outcome<User> checkPassword(Email email, String presented, String from) {
        Password password;
        try {
            password = Password.presented(presented);
        } catch (InvalidValue e) {
            return Outcome.rejected(wrongPassword());
        }
        Outcome<User> checked = passwords.check(email, password, from == null || from.isBlank() ? "unknown" : from);
        if (checked instanceof Outcome.Rejected<User> refused
                && refused.rejection() instanceof Rejection.InvalidCredentials) {
            return Outcome.rejected(wrongPassword());
        }
        return checked;
    }

    private static Rejection wrongPassword() {
        return new Rejection.Refused("wrong_password", "the current password is not correct");
    }

    private static boolean isCurrent(Principal caller, WebSession session) {
        return caller.via() == CredentialKind.WEB_SESSION && session.publicId().equals(caller.credentialId());
    }

    /** Ends the caller's sessions, all but the one making this request when {@code keepCurrent}. */
    private int endSessions(Principal caller, boolean keepCurrent) {
        int ended = 0;
        for (WebSession session : sessions.ofUser(caller.userId())) {
            if (!(keepCurrent && isCurrent(caller, session))) {
                sessions.remove(session.idHash());
                ended++;
            }
        }
        return ended;
    }

    private void record(AuditEvent.Type type, Principal caller, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.putIfAbsent("via", caller.via().name().toLowerCase(Locale.ROOT));
        audit.record(new AuditEvent(type, clock.instant(), caller.userId().toString(), caller.clientId(), all));
    }
}
