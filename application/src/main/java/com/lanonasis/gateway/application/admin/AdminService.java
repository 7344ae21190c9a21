package com.lanonasis.gateway.application.admin;

import com.lanonasis.gateway.application.admin.port.in.AccountDeleted;
import com.lanonasis.gateway.application.admin.port.in.AdministerGrantsUseCase;
import com.lanonasis.gateway.application.admin.port.in.AdministerUsersUseCase;
import com.lanonasis.gateway.application.admin.port.in.PromoteConfiguredAdminsUseCase;
import com.lanonasis.gateway.application.admin.port.in.ReadAuditUseCase;
import com.lanonasis.gateway.application.admin.port.in.UserSearch;
import com.lanonasis.gateway.application.admin.port.in.AdministerClientsUseCase;
import com.lanonasis.gateway.application.admin.port.in.ImportOutcome;
import com.lanonasis.gateway.application.admin.port.in.ImportUsersUseCase;
import com.lanonasis.gateway.application.admin.port.in.ImportedUser;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.shared.PlainText;
import java.util.regex.Pattern;
import com.lanonasis.gateway.application.admin.port.in.AdministerSigningKeysUseCase;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.port.out.ClientDirectory;
import com.lanonasis.gateway.domain.clients.ClientListing;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.port.out.SigningKeys;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import com.lanonasis.gateway.domain.audit.port.out.AuditTrail;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.identity.AdminEmails;
import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.memory.port.out.AccountMemories;
import com.lanonasis.gateway.domain.shared.FieldError;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.Grant;
import com.lanonasis.gateway.domain.tokens.port.out.Grants;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrator's use cases. The gate is checked at every call against the caller's current
 * record (a {@link Principal} carries the role and scopes of the user as they are now), and every
 * call, reads included, leaves an audit row naming the administrator.
 */
public final class AdminService implements AdministerUsersUseCase, AdministerGrantsUseCase, ReadAuditUseCase,
        PromoteConfiguredAdminsUseCase, AdministerClientsUseCase, AdministerSigningKeysUseCase, ImportUsersUseCase {

    /** bcrypt in modular crypt form: $2a$, $2b$ or $2y$, a two-digit cost, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    public static final int MAX_PAGE_SIZE = 200;

    private final Users users;
    private final UserDirectory directory;
    private final Grants grants;
    private final AccountMemories memories;
    private final AuditLog audit;
    private final AuditTrail trail;
    private final UnitOfWork unitOfWork;
    private final AdminEmails configuredAdmins;
    private final Clock clock;
    private final ClientDirectory clientDirectory;
    private final SigningKeys signingKeys;
    private final OAuthTokenSigner signer;
    private final AccountErasure erasure;

    public AdminService(Users users, UserDirectory directory, Grants grants, AccountMemories memories,
                        AuditLog audit, AuditTrail trail, UnitOfWork unitOfWork, AdminEmails configuredAdmins,
                        Clock clock, ClientDirectory clientDirectory, SigningKeys signingKeys,
                        OAuthTokenSigner signer) {
        this(users, directory, grants, memories, audit, trail, unitOfWork, configuredAdmins, clock, clientDirectory,
                signingKeys, signer, new AccountErasure(directory, memories, null));
    }

    /** @param erasure how an account is deleted with all its data (shared with the person's own deletion) */
    public AdminService(Users users, UserDirectory directory, Grants grants, AccountMemories memories,
                        AuditLog audit, AuditTrail trail, UnitOfWork unitOfWork, AdminEmails configuredAdmins,
                        Clock clock, ClientDirectory clientDirectory, SigningKeys signingKeys,
                        OAuthTokenSigner signer, AccountErasure erasure) {
        this.erasure = erasure;
        this.clientDirectory = clientDirectory;
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.users = users;
        this.directory = directory;
        this.grants = grants;
        this.memories = memories;
        this.audit = audit;
        this.trail = trail;
        this.unitOfWork = unitOfWork;
        this.configuredAdmins = configuredAdmins;
        this.clock = clock;
    }

    static boolean isAdmin(Principal caller) {
        return caller.role() == Role.ADMIN && caller.allows(Scope.ADMIN);
    }

    @Override
    public Outcome<List<User>> search(Principal caller, UserSearch search) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        List<User> found = directory.search(search.email(), (search.page() - 1) * search.limit(), search.limit());
        record(AuditEvent.Type.ADMIN_VIEWED, caller, null, Map.of("action", "users.search"));
        return Outcome.done(found);
    }

    @Override
    public Outcome<User> view(Principal caller, String userId) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        record(AuditEvent.Type.ADMIN_VIEWED, caller, user.get().id(), Map.of("action", "users.view"));
        return Outcome.done(user.get());
    }

    @Override
    public Outcome<User> setDisabled(Principal caller, String userId, boolean disabled) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        if (user.get().id().equals(caller.userId())) {
            return ownAccount();
        }
        UserId id = user.get().id();
        Instant now = clock.instant();
        return unitOfWork.allOrNothing(() -> {
            directory.setDisabled(id, disabled);
            int revoked = disabled ? grants.revokeAll(id, now) : 0;
            record(disabled ? AuditEvent.Type.USER_DISABLED : AuditEvent.Type.USER_ENABLED, caller, id,
                    disabled ? Map.of("grants_revoked", String.valueOf(revoked)) : Map.of());
            return Outcome.done(users.findById(id).orElseThrow());
        });
    }

    @Override
    public Outcome<User> changeRole(Principal caller, String userId, String role) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Role wanted;
        try {
            wanted = Role.fromWire(role == null ? "" : role.strip());
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(new Rejection.Invalid(List.of(new FieldError("role", "role must be user or admin"))));
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        if (user.get().id().equals(caller.userId())) {
            return ownAccount();
        }
        UserId id = user.get().id();
        return unitOfWork.allOrNothing(() -> {
            directory.changeRole(id, wanted);
            record(AuditEvent.Type.ROLE_CHANGED, caller, id,
                    Map.of("from", user.get().role().wireName(), "to", wanted.wireName()));
            return Outcome.done(users.findById(id).orElseThrow());
        });
    }

    @Override
    public Outcome<AccountDeleted> delete(Principal caller, String userId) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        if (user.get().id().equals(caller.userId())) {
            return ownAccount();
        }
        UserId id = user.get().id();
        Optional<AccountDeleted> deleted = erasure.erase(id);
        if (deleted.isEmpty()) {
            return Outcome.notFound("user");
        }
        record(AuditEvent.Type.USER_DELETED, caller, id,
                Map.of("memories_deleted", String.valueOf(deleted.get().memoriesDeleted())));
        return Outcome.done(deleted.get());
    }

    @Override
    public Outcome<List<Grant>> grants(Principal caller, String userId) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        List<Grant> live = grants.liveOf(user.get().id(), clock.instant());
        record(AuditEvent.Type.ADMIN_VIEWED, caller, user.get().id(), Map.of("action", "grants.list"));
        return Outcome.done(live);
    }

    @Override
    public Outcome<String> revoke(Principal caller, String userId, String familyId) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty() || familyId == null || familyId.isBlank() || familyId.length() > 64) {
            return Outcome.notFound(user.isEmpty() ? "user" : "grant");
        }
        if (!grants.revoke(user.get().id(), familyId, clock.instant())) {
            return Outcome.notFound("grant");
        }
        record(AuditEvent.Type.GRANT_REVOKED, caller, user.get().id(), Map.of("family_id", familyId));
        return Outcome.done(familyId);
    }

    @Override
    public Outcome<Integer> revokeAll(Principal caller, String userId) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<User> user = find(userId);
        if (user.isEmpty()) {
            return Outcome.notFound("user");
        }
        int revoked = grants.revokeAll(user.get().id(), clock.instant());
        record(AuditEvent.Type.GRANT_REVOKED, caller, user.get().id(),
                Map.of("family_id", "*", "grants_revoked", String.valueOf(revoked)));
        return Outcome.done(revoked);
    }

    @Override
    public Outcome<List<AuditRecord>> query(Principal caller, AuditQuery query) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        List<AuditRecord> page = trail.query(query);
        record(AuditEvent.Type.ADMIN_VIEWED, caller, null, Map.of("action", "audit.query"));
        return Outcome.done(page);
    }

    @Override
    public Outcome<List<AuditRecord>> own(Principal caller, AuditQuery query) {
        return Outcome.done(trail.query(query.forUser(caller.userId().toString())));
    }

    @Override
    public int promoteConfiguredAdmins() {
        int promoted = 0;
        for (Email email : configuredAdmins.addresses()) {
            Optional<User> user = users.findByEmail(email).map(UserAccount::user);
            if (user.isPresent() && user.get().role() != Role.ADMIN) {
                directory.changeRole(user.get().id(), Role.ADMIN);
                audit.record(new AuditEvent(AuditEvent.Type.ROLE_CHANGED, clock.instant(), user.get().id().toString(),
                        null, Map.of("from", user.get().role().wireName(), "to", Role.ADMIN.wireName(),
                        "by", "ONASIS_ADMIN_EMAILS")));
                promoted++;
            }
        }
        return promoted;
    }

    @Override
    public Outcome<List<ClientListing>> clients(Principal caller, int page, int limit) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        if (page < 1 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return Outcome.rejected(new Rejection.Invalid(List.of(new FieldError(page < 1 ? "page" : "limit",
                    page < 1 ? "page must be at least 1" : "limit must be between 1 and " + MAX_PAGE_SIZE))));
        }
        List<ClientListing> found = clientDirectory.list((page - 1) * limit, limit);
        record(AuditEvent.Type.ADMIN_VIEWED, caller, null, Map.of("action", "clients.list"));
        return Outcome.done(found);
    }

    @Override
    public Outcome<ClientListing> client(Principal caller, String clientId) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<ClientListing> found = findClient(clientId);
        if (found.isEmpty()) {
            return Outcome.notFound("client");
        }
        recordClient(AuditEvent.Type.ADMIN_VIEWED, caller, clientId, Map.of("action", "clients.view"));
        return Outcome.done(found.get());
    }

    @Override
    public Outcome<ClientListing> setClientDisabled(Principal caller, String clientId, boolean disabled) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<ClientListing> found = findClient(clientId);
        if (found.isEmpty()) {
            return Outcome.notFound("client");
        }
        if (found.get().configured()) {
            return configuredClient();
        }
        return unitOfWork.allOrNothing(() -> {
            clientDirectory.setDisabled(clientId, disabled, clock.instant());
            recordClient(disabled ? AuditEvent.Type.CLIENT_DISABLED : AuditEvent.Type.CLIENT_ENABLED, caller, clientId,
                    Map.of());
            return Outcome.done(clientDirectory.find(clientId).orElseThrow());
        });
    }

    @Override
    public Outcome<String> deleteClient(Principal caller, String clientId) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        Optional<ClientListing> found = findClient(clientId);
        if (found.isEmpty()) {
            return Outcome.notFound("client");
        }
        if (found.get().configured()) {
            return configuredClient();
        }
        return unitOfWork.allOrNothing(() -> {
            if (!clientDirectory.delete(clientId, clock.instant())) {
                return Outcome.notFound("client");
            }
            recordClient(AuditEvent.Type.CLIENT_DELETED, caller, clientId, Map.of("via", "admin"));
            return Outcome.done(clientId);
        });
    }

    @Override
    public Outcome<List<KeyListing>> signingKeys(Principal caller) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        List<KeyListing> keys = signingKeys.verifying(Instant.EPOCH).stream()
                .map(key -> new KeyListing(key.kid(), key.algorithm(), key.createdAt(), key.retiredAt())).toList();
        record(AuditEvent.Type.ADMIN_VIEWED, caller, null, Map.of("action", "keys.list"));
        return Outcome.done(keys);
    }

    @Override
    public Outcome<String> rotateSigningKey(Principal caller) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        signer.rotate();
        String kid = signingKeys.signing().stream().findFirst().map(key -> key.kid()).orElse("");
        record(AuditEvent.Type.SIGNING_KEY_ROTATED, caller, null, Map.of("kid", kid));
        return Outcome.done(kid);
    }

    @Override
    public Outcome<List<ImportOutcome>> importUsers(Principal caller, List<ImportedUser> rows) {
        if (!isAdmin(caller)) {
            return Outcome.forbidden(Scope.ADMIN);
        }
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            return Outcome.rejected(new Rejection.Invalid(List.of(new FieldError("users",
                    "give between 1 and " + MAX_ROWS + " accounts"))));
        }
        List<ImportOutcome> outcomes = new java.util.ArrayList<>();
        int created = 0;
        for (ImportedUser row : rows) {
            ImportOutcome outcome = importOne(row);
            if (outcome.userId() != null) {
                created++;
                audit.record(new AuditEvent(AuditEvent.Type.USER_REGISTERED, clock.instant(), outcome.userId(), null,
                        Map.of("via", "import", "by", caller.userId().toString())));
            }
            outcomes.add(outcome);
        }
        record(AuditEvent.Type.ADMIN_VIEWED, caller, null, Map.of("action", "users.import",
                "rows", String.valueOf(rows.size()), "created", String.valueOf(created)));
        return Outcome.done(outcomes);
    }

    private ImportOutcome importOne(ImportedUser row) {
        String given = row == null || row.email() == null ? null : row.email().strip();
        Email email;
        try {
            email = new Email(PlainText.require("email", given, false));
        } catch (InvalidValue e) {
            return new ImportOutcome(given, "invalid_email", null);
        }
        if (row.bcryptHash() == null || !BCRYPT.matcher(row.bcryptHash()).matches()) {
            return new ImportOutcome(email.value(), "invalid_hash", null);
        }
        String name;
        try {
            name = User.normalizeName(PlainText.require("name", row.name(), false));
        } catch (InvalidValue e) {
            return new ImportOutcome(email.value(), "invalid_name", null);
        }
        Role role = configuredAdmins.includes(email) ? Role.ADMIN : Role.USER;
        User user = new User(new UserId(java.util.UUID.randomUUID()), email, name, role, clock.instant());
        if (!users.add(new UserAccount(user, new PasswordHash(row.bcryptHash())))) {
            return new ImportOutcome(email.value(), "email_taken", null);
        }
        return new ImportOutcome(email.value(), "created", user.id().toString());
    }

    private Optional<ClientListing> findClient(String clientId) {
        return clientId == null || clientId.isBlank() || clientId.length() > OAuthClient.MAX_DOCUMENT_URL_LENGTH ? Optional.empty()
                : clientDirectory.find(clientId);
    }

    private static <T> Outcome<T> configuredClient() {
        return Outcome.rejected(new Rejection.Conflict("configured_client",
                "this client comes from the service's configuration and is read-only here; change the configuration"));
    }

    private void recordClient(AuditEvent.Type type, Principal caller, String clientId, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.put("by", caller.userId().toString());
        all.put("credential", caller.via().name().toLowerCase(java.util.Locale.ROOT));
        audit.record(new AuditEvent(type, clock.instant(), null, clientId, all));
    }

    private Optional<User> find(String userId) {
        try {
            return users.findById(UserId.parse(userId));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static <T> Outcome<T> ownAccount() {
        return Outcome.rejected(new Rejection.Conflict("own_account",
                "administrators cannot disable, demote or delete their own account; ask another administrator"));
    }

    private void record(AuditEvent.Type type, Principal caller, UserId target, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.put("by", caller.userId().toString());
        all.put("credential", caller.via().name().toLowerCase(java.util.Locale.ROOT));
        audit.record(new AuditEvent(type, clock.instant(), target == null ? null : target.toString(),
                caller.clientId(), all));
    }
}
