package com.lanonasis.gateway.embedded;

import com.lanonasis.gateway.application.admin.port.in.AdministerUpstreamsUseCase;
import com.lanonasis.gateway.application.health.ReadinessService;
import com.lanonasis.gateway.application.health.port.in.ReadinessUseCase;
import com.lanonasis.gateway.application.requestlog.RequestLogService;
import com.lanonasis.gateway.application.requestlog.port.in.ReadRequestLogUseCase;
import com.lanonasis.gateway.application.requestlog.port.in.RecordRequestUseCase;
import com.lanonasis.gateway.application.retention.RetentionService;
import com.lanonasis.gateway.application.retention.port.in.PurgeExpiredUseCase;
import com.lanonasis.gateway.application.upstreams.UpstreamService;
import com.lanonasis.gateway.application.upstreams.port.in.UseUpstreamUseCase;
import com.lanonasis.gateway.domain.retention.RetentionRule;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRequestLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUpstreams;
import com.lanonasis.gateway.application.account.AccountService;
import com.lanonasis.gateway.application.account.port.in.ChangePasswordUseCase;
import com.lanonasis.gateway.application.account.port.in.ConnectedAppsUseCase;
import com.lanonasis.gateway.application.account.port.in.DeleteOwnAccountUseCase;
import com.lanonasis.gateway.application.account.port.in.ManageProfileUseCase;
import com.lanonasis.gateway.application.account.port.in.ManageSessionsUseCase;
import com.lanonasis.gateway.application.admin.AccountErasure;
import com.lanonasis.gateway.application.admin.AdminService;
import com.lanonasis.gateway.application.admin.AdminSessionService;
import com.lanonasis.gateway.application.admin.port.in.AdministerClientsUseCase;
import com.lanonasis.gateway.application.admin.port.in.AdministerGrantsUseCase;
import com.lanonasis.gateway.application.admin.port.in.AdministerSessionsUseCase;
import com.lanonasis.gateway.application.admin.port.in.AdministerSigningKeysUseCase;
import com.lanonasis.gateway.application.admin.port.in.AdministerUsersUseCase;
import com.lanonasis.gateway.application.admin.port.in.ImportUsersUseCase;
import com.lanonasis.gateway.application.admin.port.in.PromoteConfiguredAdminsUseCase;
import com.lanonasis.gateway.application.admin.port.in.ReadAuditUseCase;
import com.lanonasis.gateway.application.auth.CredentialVerification;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.edge.ThrottleService;
import com.lanonasis.gateway.application.edge.port.in.ThrottleUseCase;
import com.lanonasis.gateway.application.identity.IdentityService;
import com.lanonasis.gateway.application.identity.PasswordCheck;
import com.lanonasis.gateway.application.identity.WebSessionService;
import com.lanonasis.gateway.application.identity.port.in.CurrentUserUseCase;
import com.lanonasis.gateway.application.identity.port.in.LogInUseCase;
import com.lanonasis.gateway.application.identity.port.in.RegisterUserUseCase;
import com.lanonasis.gateway.application.identity.port.in.WebSessionUseCase;
import com.lanonasis.gateway.application.keys.ApiKeyService;
import com.lanonasis.gateway.application.keys.port.in.CreateApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.ListApiKeysUseCase;
import com.lanonasis.gateway.application.keys.port.in.RevokeApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.RotateApiKeyUseCase;
import com.lanonasis.gateway.application.memory.MemoryService;
import com.lanonasis.gateway.application.memory.SemanticIndex;
import com.lanonasis.gateway.application.memory.port.in.BulkDeleteMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.CreateMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.DeleteMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.GetMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.ListMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.MemoryStatsUseCase;
import com.lanonasis.gateway.application.memory.port.in.SearchMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.SearchStatusUseCase;
import com.lanonasis.gateway.application.memory.port.in.UpdateMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.WatchMemoriesUseCase;
import com.lanonasis.gateway.application.oauth.AuthorizationService;
import com.lanonasis.gateway.application.oauth.ClientRegistrationService;
import com.lanonasis.gateway.application.oauth.DeviceFlowService;
import com.lanonasis.gateway.application.oauth.LegacyBridgeService;
import com.lanonasis.gateway.application.oauth.ClientVerifier;
import com.lanonasis.gateway.application.oauth.MetadataDocumentClients;
import com.lanonasis.gateway.application.oauth.Resources;
import com.lanonasis.gateway.application.oauth.TokenMinter;
import com.lanonasis.gateway.application.oauth.OAuthSettings;
import com.lanonasis.gateway.application.oauth.SigningKeyService;
import com.lanonasis.gateway.application.oauth.TokenService;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizeUseCase;
import com.lanonasis.gateway.application.oauth.port.in.ClientRegistrationUseCase;
import com.lanonasis.gateway.application.oauth.port.in.DeviceFlowUseCase;
import com.lanonasis.gateway.application.oauth.port.in.IssueTokenUseCase;
import com.lanonasis.gateway.application.oauth.port.in.LegacyBridgeUseCase;
import com.lanonasis.gateway.application.oauth.port.in.PublishKeysUseCase;
import com.lanonasis.gateway.application.oauth.port.in.TokenInspectionUseCase;
import com.lanonasis.gateway.domain.clients.port.out.ClientMetadataDocuments;
import com.lanonasis.gateway.domain.identity.AdminEmails;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.RegistrationPolicy;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAccessTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemoryApiKeys;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuditLog;
import com.lanonasis.gateway.embedded.inmemory.InMemoryAuthorizationCodes;
import com.lanonasis.gateway.embedded.inmemory.InMemoryClients;
import com.lanonasis.gateway.embedded.inmemory.InMemoryConsents;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDatabase;
import com.lanonasis.gateway.embedded.inmemory.InMemoryDeviceAuthorizations;
import com.lanonasis.gateway.embedded.inmemory.InMemoryGrants;
import com.lanonasis.gateway.embedded.inmemory.InMemoryMemories;
import com.lanonasis.gateway.embedded.inmemory.InMemoryMemoryVectors;
import com.lanonasis.gateway.embedded.inmemory.InMemoryPendingAuthorizations;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRateLimiter;
import com.lanonasis.gateway.embedded.inmemory.InMemoryRefreshTokens;
import com.lanonasis.gateway.embedded.inmemory.InMemorySigningKeys;
import com.lanonasis.gateway.embedded.inmemory.InMemoryUsers;
import com.lanonasis.gateway.embedded.inmemory.InMemoryWebSessions;
import com.lanonasis.gateway.embedded.inmemory.InProcessMemoryEvents;
import com.lanonasis.gateway.embedded.inmemory.OpaqueTokenSigner;
import com.lanonasis.gateway.embedded.inmemory.Pbkdf2PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole core of onasis-gateway in one object, wired without Micronaut, HTTP or a database: every
 * use case behind its incoming port, over the in-memory adapters of {@code embedded.inmemory}.
 * Build one per test: {@code OnasisCore core = OnasisCore.inMemory().build();}. Defaults are the
 * service's own ({@code application.yml}); tokens are opaque (see {@link OpaqueTokenSigner}) and
 * passwords are hashed with PBKDF2 ({@link Pbkdf2PasswordHasher#forTests()}).
 */
public final class OnasisCore {

    /** The in-memory adapters, for a test that wants to look behind the use cases or seed a store. */
    public record Stores(InMemoryDatabase database, InMemoryUsers users, InMemoryApiKeys apiKeys,
                         InMemoryMemories memories, InMemoryMemoryVectors vectors, InMemoryClients clients,
                         InMemoryConsents consents, InMemoryAccessTokens accessTokens,
                         InMemoryRefreshTokens refreshTokens, InMemoryGrants grants, InMemoryAuditLog audit,
                         InMemorySigningKeys signingKeys, InMemoryAuthorizationCodes codes,
                         InMemoryPendingAuthorizations pendings, InMemoryDeviceAuthorizations devices,
                         InMemoryWebSessions webSessions, InMemoryRateLimiter rateLimiter,
                         InProcessMemoryEvents events, InMemoryRequestLog requestLog, InMemoryUpstreams upstreams) {
    }

    private final Stores stores;
    private final CredentialVerification credentials;
    private final IdentityService identity;
    private final WebSessionService webSessions;
    private final ApiKeyService apiKeys;
    private final MemoryService memories;
    private final SemanticIndex semanticIndex;
    private final AuthorizationService authorization;
    private final TokenService tokens;
    private final DeviceFlowService deviceFlow;
    private final ClientRegistrationService registration;
    private final LegacyBridgeService legacyBridge;
    private final SigningKeyService signingKeys;
    private final AccountService account;
    private final AdminService admin;
    private final AdminSessionService adminSessions;
    private final ThrottleService throttle;
    private final ReadinessService readiness;
    private final RetentionService retention;
    private final UpstreamService upstreams;
    private final Clock clock;
    private RequestLogService requestLog;

    private OnasisCore(Builder builder) {
        Clock clock = builder.clock;
        InMemoryDatabase database = new InMemoryDatabase();
        InMemoryMemories memoryStore = new InMemoryMemories(database);
        InMemoryAccessTokens accessTokens = new InMemoryAccessTokens(database);
        InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens(database);
        stores = new Stores(database, new InMemoryUsers(database), new InMemoryApiKeys(database), memoryStore,
                new InMemoryMemoryVectors(database, memoryStore), new InMemoryClients(database),
                new InMemoryConsents(database, clock), accessTokens, refreshTokens,
                new InMemoryGrants(database, accessTokens, refreshTokens), new InMemoryAuditLog(database),
                new InMemorySigningKeys(database), new InMemoryAuthorizationCodes(clock),
                new InMemoryPendingAuthorizations(clock), new InMemoryDeviceAuthorizations(clock),
                new InMemoryWebSessions(clock), new InMemoryRateLimiter(clock),
                new InProcessMemoryEvents(clock, Duration.ofMinutes(5)), new InMemoryRequestLog(database),
                new InMemoryUpstreams(database));
        OpaqueTokenSigner signer = new OpaqueTokenSigner(builder.secrets);
        IdGenerator ids = builder.ids;

        credentials = new CredentialVerification(signer, accessTokens, stores.webSessions(), stores.apiKeys(),
                stores.users(), clock);
        PasswordCheck passwords = new PasswordCheck(stores.users(), builder.hasher, builder.secrets,
                stores.rateLimiter(), 10, 100, Duration.ofMinutes(15), stores.users());
        identity = new IdentityService(stores.users(), builder.hasher, passwords, signer, stores.audit(), ids, clock,
                Duration.ofMinutes(30), builder.registration, builder.admins);
        webSessions = new WebSessionService(passwords, stores.webSessions(), stores.audit(), builder.secrets, clock,
                Duration.ofHours(12));
        apiKeys = new ApiKeyService(stores.apiKeys(), builder.secrets, database, clock, stores.audit(),
                Duration.ofHours(24));
        semanticIndex = new SemanticIndex(builder.embeddings, stores.vectors(), 0.95);
        memories = new MemoryService(memoryStore, database, ids, clock, stores.events(), semanticIndex);

        OAuthSettings settings = new OAuthSettings(builder.issuer, Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(builder.issuer, builder.issuer + "/mcp", builder.issuer + "/api/v1"), true, 10_000);
        Scopes dynamicClientScopes = Scopes.of(builder.scopes.values().stream()
                .filter(scope -> !scope.equals(Scope.ADMIN)).toList());
        MetadataDocumentClients clients = new MetadataDocumentClients(stores.clients(), ClientMetadataDocuments.NONE);
        ClientVerifier verifier = new ClientVerifier(clients);
        upstreams = new UpstreamService(List.of(), stores.upstreams(), stores.audit(), clock, builder.issuer,
                builder.scopes, Duration.ofSeconds(5));
        Resources resources = new Resources(settings, upstreams::isUpstreamResource);
        TokenMinter minter = new TokenMinter(signer, accessTokens, refreshTokens, stores.audit(), builder.secrets, ids,
                clock, settings, database);
        authorization = new AuthorizationService(clients, resources, stores.consents(), stores.pendings(),
                stores.codes(), stores.audit(), builder.secrets, ids, clock, settings, dynamicClientScopes);
        tokens = new TokenService(verifier, resources, minter, stores.codes(), stores.devices(), refreshTokens,
                accessTokens, stores.users(), database, stores.audit(), ids, clock, Map.of());
        deviceFlow = new DeviceFlowService(verifier, clients, resources, stores.devices(), stores.audit(),
                builder.secrets, clock, settings, dynamicClientScopes, stores.rateLimiter());
        registration = new ClientRegistrationService(clients, stores.audit(), builder.secrets, clock, settings,
                dynamicClientScopes, stores.rateLimiter(), 20);
        legacyBridge = new LegacyBridgeService(verifier, resources, minter, ids, clock, signer, stores.users(),
                database);
        signingKeys = new SigningKeyService(signer, stores.audit(), clock);

        AccountErasure erasure = new AccountErasure(stores.users(), memoryStore, stores.webSessions());
        account = new AccountService(stores.users(), stores.users(), builder.hasher, passwords, stores.webSessions(),
                stores.consents(), stores.grants(), stores.clients(), erasure, stores.audit(), database, clock);
        admin = new AdminService(stores.users(), stores.users(), stores.grants(), memoryStore, stores.audit(),
                stores.audit(), database, builder.admins, clock, stores.clients().directory(), stores.signingKeys(),
                signer, erasure);
        adminSessions = new AdminSessionService(stores.users(), stores.webSessions(), stores.audit(), clock);
        throttle = new ThrottleService(stores.rateLimiter());
        readiness = new ReadinessService(List.of());
        retention = new RetentionService(List.of(new RetentionRule(accessTokens, Duration.ZERO),
                new RetentionRule(refreshTokens, Duration.ZERO), new RetentionRule(stores.audit(), Duration.ofDays(90)),
                new RetentionRule(stores.requestLog(), Duration.ofDays(14))), clock, 1000, 100);
        this.clock = clock;
    }

    /** A builder over fresh in-memory stores. */
    public static Builder inMemory() {
        return new Builder();
    }

    /** The principal a credential stands for (a user token, an OAuth access token, an API key), or empty. */
    public Optional<Principal> principal(Credential credential) {
        return credentials.authenticate(credential) instanceof Authentication.Authenticated authenticated
                ? Optional.of(authenticated.principal()) : Optional.empty();
    }

    public Stores stores() {
        return stores;
    }

    // identity and credentials
    public RegisterUserUseCase register() {
        return identity;
    }

    public LogInUseCase logIn() {
        return identity;
    }

    public CurrentUserUseCase currentUser() {
        return identity;
    }

    public WebSessionUseCase webSessions() {
        return webSessions;
    }

    public AuthenticateUseCase authenticate() {
        return credentials;
    }

    // API keys
    public CreateApiKeyUseCase createApiKey() {
        return apiKeys;
    }

    public ListApiKeysUseCase listApiKeys() {
        return apiKeys;
    }

    public RevokeApiKeyUseCase revokeApiKey() {
        return apiKeys;
    }

    public RotateApiKeyUseCase rotateApiKey() {
        return apiKeys;
    }

    // memories
    public CreateMemoryUseCase createMemory() {
        return memories;
    }

    public GetMemoryUseCase getMemory() {
        return memories;
    }

    public UpdateMemoryUseCase updateMemory() {
        return memories;
    }

    public DeleteMemoryUseCase deleteMemory() {
        return memories;
    }

    public BulkDeleteMemoriesUseCase bulkDeleteMemories() {
        return memories;
    }

    public ListMemoriesUseCase listMemories() {
        return memories;
    }

    public SearchMemoriesUseCase searchMemories() {
        return memories;
    }

    public MemoryStatsUseCase memoryStats() {
        return memories;
    }

    public WatchMemoriesUseCase watchMemories() {
        return memories;
    }

    public SearchStatusUseCase searchStatus() {
        return semanticIndex;
    }

    // the OAuth 2.1 authorization server
    public AuthorizeUseCase authorize() {
        return authorization;
    }

    public IssueTokenUseCase issueToken() {
        return tokens;
    }

    public TokenInspectionUseCase inspectTokens() {
        return tokens;
    }

    public DeviceFlowUseCase deviceFlow() {
        return deviceFlow;
    }

    public ClientRegistrationUseCase registerClients() {
        return registration;
    }

    public LegacyBridgeUseCase legacyBridge() {
        return legacyBridge;
    }

    public PublishKeysUseCase publishKeys() {
        return signingKeys;
    }

    // a user's own account
    public ManageProfileUseCase manageProfile() {
        return account;
    }

    public ChangePasswordUseCase changePassword() {
        return account;
    }

    public ManageSessionsUseCase manageSessions() {
        return account;
    }

    public ConnectedAppsUseCase connectedApps() {
        return account;
    }

    public DeleteOwnAccountUseCase deleteOwnAccount() {
        return account;
    }

    // administration
    public AdministerUsersUseCase administerUsers() {
        return admin;
    }

    public AdministerGrantsUseCase administerGrants() {
        return admin;
    }

    public ReadAuditUseCase readAudit() {
        return admin;
    }

    public PromoteConfiguredAdminsUseCase promoteConfiguredAdmins() {
        return admin;
    }

    public AdministerClientsUseCase administerClients() {
        return admin;
    }

    public AdministerSigningKeysUseCase administerSigningKeys() {
        return admin;
    }

    public ImportUsersUseCase importUsers() {
        return admin;
    }

    public AdministerSessionsUseCase administerSessions() {
        return adminSessions;
    }

    // the edge
    public ThrottleUseCase throttle() {
        return throttle;
    }

    public ReadinessUseCase readiness() {
        return readiness;
    }

    // operations
    public PurgeExpiredUseCase purgeExpired() {
        return retention;
    }

    /** Started on first use: the request log writes through a queue drained by one daemon thread. */
    public synchronized RecordRequestUseCase recordRequest() {
        return requestLog();
    }

    public synchronized ReadRequestLogUseCase readRequestLog() {
        return requestLog();
    }

    private RequestLogService requestLog() {
        if (requestLog == null) {
            requestLog = new RequestLogService(stores.requestLog(), stores.audit(), clock, 10_000, 500);
        }
        return requestLog;
    }

    // upstream MCP servers (registered at run time; none configured)
    public UseUpstreamUseCase useUpstream() {
        return upstreams;
    }

    public AdministerUpstreamsUseCase administerUpstreams() {
        return upstreams;
    }

    /** Settings with the service's defaults; each setter replaces one. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String issuer = "https://onasis.test";
        private SecretGenerator secrets = SecretGenerator.secureRandom();
        private IdGenerator ids = IdGenerator.random();
        private PasswordHasher hasher = Pbkdf2PasswordHasher.forTests();
        private Optional<Embeddings> embeddings = Optional.empty();
        private RegistrationPolicy registration = RegistrationPolicy.OPEN;
        private AdminEmails admins = AdminEmails.NONE;
        private Scopes scopes = Scopes.parse(List.of("memories:read", "memories:write", "memories:delete",
                "api-keys:read", "api-keys:write", "mcp:connect", "mcp:tools", "mcp:resources", "mcp:prompts"));

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The issuer and public base URL; resources are it, {@code /mcp} and {@code /api/v1} below it. */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        public Builder secrets(SecretGenerator secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        public Builder passwordHasher(PasswordHasher hasher) {
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /** Turns on the semantic leg of search (and duplicate detection) with these embeddings. */
        public Builder embeddings(Embeddings embeddings) {
            this.embeddings = Optional.of(embeddings);
            return this;
        }

        public Builder registration(RegistrationPolicy registration) {
            this.registration = Objects.requireNonNull(registration, "registration");
            return this;
        }

        /** Addresses that become administrators when they register. */
        public Builder admins(AdminEmails admins) {
            this.admins = Objects.requireNonNull(admins, "admins");
            return this;
        }

        public OnasisCore build() {
            return new OnasisCore(this);
        }
    }
}
