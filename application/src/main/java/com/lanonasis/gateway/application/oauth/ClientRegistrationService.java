package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import java.time.Clock;
import com.lanonasis.gateway.application.oauth.port.in.ClientMetadata;
import com.lanonasis.gateway.application.oauth.port.in.ClientRegistrationUseCase;
import com.lanonasis.gateway.application.oauth.port.in.RegisteredClient;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.shared.FieldError;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 7591 registration and RFC 7592 management. Registration is open (MCP clients register
 * themselves), so what a client may ask for is bounded: https or loopback redirects, a capped
 * count, the platform's scopes without {@code admin}.
 */
public final class ClientRegistrationService implements ClientRegistrationUseCase {

    /** What a dynamically registered client may ask for when it names no scope. */
    public static final Scopes DEFAULT_SCOPES = Scopes.parseSpaceDelimited(
            "memories:read memories:write memories:delete mcp:connect mcp:tools mcp:resources mcp:prompts "
                    + "mcp:full api-keys:read profile email offline_access");
    private static final int ID_LENGTH = 24;
    private static final int SECRET_LENGTH = 48;

    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final Clients clients;
    private final AuditLog audit;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final OAuthSettings settings;
    private final Scopes registrable;
    private final RateLimiter rateLimiter;
    private final int registrationsPerMinute;

    /**
     * @param registrable            the scopes a dynamic client may register for
     * @param registrationsPerMinute per origin, since registration is open to anyone
     */
    public ClientRegistrationService(Clients clients, AuditLog audit, SecretGenerator secrets, Clock clock,
                                     OAuthSettings settings, Scopes registrable, RateLimiter rateLimiter,
                                     int registrationsPerMinute) {
        this.clients = clients;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
        this.registrable = registrable;
        this.rateLimiter = rateLimiter;
        this.registrationsPerMinute = registrationsPerMinute;
    }

    @Override
    public Outcome<RegisteredClient> register(ClientMetadata metadata, String origin) {
        RateLimiter.Count count = rateLimiter.acquire("register:" + origin, registrationsPerMinute, RATE_WINDOW);
        if (!count.allowed()) {
            return Outcome.rejected(new Rejection.RateLimited(count.retryAfter()));
        }
        if (clients.countDynamic() >= settings.maxDynamicClients()) {
            return Outcome.rejected(new Rejection.Conflict("registration_capacity",
                    "no more clients can be registered right now"));
        }
        String clientId = "dcr_" + secrets.alphanumeric(ID_LENGTH);
        MachineSecret registrationToken = new MachineSecret(secrets.alphanumeric(SECRET_LENGTH));
        Outcome<Built> built = build(clientId, metadata, registrationToken.hash(), null,
                clock.instant());
        return built.fold(result -> {
            clients.add(result.client());
            audit(AuditEvent.Type.CLIENT_REGISTERED, result.client());
            return Outcome.done(new RegisteredClient(result.client(), result.secret(), registrationToken.reveal()));
        }, Outcome::rejected);
    }

    @Override
    public Outcome<RegisteredClient> read(String clientId, String registrationAccessToken) {
        return manageable(clientId, registrationAccessToken)
                .map(client -> new RegisteredClient(client, null, registrationAccessToken));
    }

    @Override
    public Outcome<RegisteredClient> update(String clientId, String registrationAccessToken, ClientMetadata metadata) {
        Outcome<OAuthClient> current = manageable(clientId, registrationAccessToken);
        if (!(current instanceof Outcome.Done<OAuthClient> done)) {
            return current.map(client -> null);
        }
        OAuthClient existing = done.value();
        return build(clientId, metadata, existing.registrationAccessTokenHash(), existing, existing.createdAt())
                .fold(result -> {
                    clients.replace(result.client());
                    audit(AuditEvent.Type.CLIENT_UPDATED, result.client());
                    return Outcome.done(new RegisteredClient(result.client(), result.secret(),
                            registrationAccessToken));
                }, Outcome::rejected);
    }

    @Override
    public Outcome<String> delete(String clientId, String registrationAccessToken) {
        return manageable(clientId, registrationAccessToken).map(client -> {
            clients.remove(client.clientId());
            audit(AuditEvent.Type.CLIENT_DELETED, client);
            return client.clientId();
        });
    }

    private Outcome<OAuthClient> manageable(String clientId, String registrationAccessToken) {
        if (clientId == null || registrationAccessToken == null) {
            return Outcome.rejected(new Rejection.InvalidCredentials());
        }
        return clients.find(clientId)
                .filter(OAuthClient::isDynamic)
                .filter(client -> client.registrationAccessTokenHash()
                        .matches(new MachineSecret(registrationAccessToken)))
                .map(Outcome::done)
                .orElseGet(() -> Outcome.rejected(new Rejection.InvalidCredentials()));
    }

    private record Built(OAuthClient client, String secret) {
    }

    /** Validates metadata into a client; an existing confidential client keeps its secret. */
    private Outcome<Built> build(String clientId, ClientMetadata metadata, SecretHash registrationTokenHash,
                                 OAuthClient existing, Instant createdAt) {
        Violations violations = new Violations();
        List<RedirectUri> redirects = new ArrayList<>();
        if (metadata.clientName() != null && hasDeceptiveCharacters(metadata.clientName())) {
            violations.add("client_name", "client_name must not contain control or bidirectional formatting characters");
        }
        for (String uri : metadata.redirectUris() == null ? List.<String>of() : metadata.redirectUris()) {
            if (uri != null && hasDeceptiveCharacters(uri)) {
                violations.add("redirect_uris", "redirect URIs must not contain control or bidirectional formatting characters");
                continue;
            }
            RedirectUri redirect = violations.check(() -> new RedirectUri(uri));
            if (redirect != null && redirect.hasUserInfo()) {
                violations.add("redirect_uris", "redirect URIs must not contain user info (user@host)");
            } else if (redirect != null && !redirect.isHttpsOrLoopback()) {
                violations.add("redirect_uris", "redirect URIs must use https, or http on a loopback address");
            } else if (redirect != null) {
                redirects.add(redirect);
            }
        }
        Set<GrantType> grants = new LinkedHashSet<>();
        for (String grant : metadata.grantTypes() == null ? List.of("authorization_code") : metadata.grantTypes()) {
            GrantType parsed = violations.check(() -> GrantType.parse(grant));
            if (parsed != null) {
                grants.add(parsed);
            }
        }
        List<String> responseTypes = metadata.responseTypes() == null ? List.of("code") : metadata.responseTypes();
        boolean wantsCode = grants.contains(GrantType.AUTHORIZATION_CODE);
        if (wantsCode ? !responseTypes.equals(List.of("code")) : !responseTypes.isEmpty()
                && !responseTypes.equals(List.of("code"))) {
            violations.add("response_types", "response_types must be [\"code\"] with the authorization_code grant");
        }
        ClientAuthMethod method = violations.check(() -> ClientAuthMethod.parse(
                metadata.tokenEndpointAuthMethod() == null ? "client_secret_basic" : metadata.tokenEndpointAuthMethod()));
        Scopes scopes = violations.check(() -> metadata.scope() == null || metadata.scope().isBlank()
                ? DEFAULT_SCOPES : Scopes.parseSpaceDelimited(metadata.scope()));
        if (scopes != null) {
            for (Scope scope : scopes.values()) {
                if (!registrable.values().contains(scope)) {
                    violations.add("scope", "scope not available to registered clients: " + scope.value());
                }
            }
        }
        if (violations.any()) {
            return violations.rejection();
        }
        String secret = null;
        SecretHash secretHash = null;
        if (!method.isPublic()) {
            if (existing != null && existing.secretHash() != null) {
                secretHash = existing.secretHash();
            } else {
                MachineSecret generated = new MachineSecret(secrets.alphanumeric(SECRET_LENGTH));
                secret = generated.reveal();
                secretHash = generated.hash();
            }
        }
        try {
            return Outcome.done(new Built(new OAuthClient(clientId, metadata.clientName(), method, secretHash, redirects,
                    grants, scopes, registrationTokenHash, createdAt), secret));
        } catch (InvalidValue invalid) {
            return Outcome.rejected(new Rejection.Invalid(List.of(new FieldError(invalid.field(), invalid.getMessage()))));
        }
    }

    /**
     * What the consent page could be made to lie with: C0/C1 controls, DEL, and the bidi marks,
     * embeddings, overrides and isolates (U+200E/F, U+202A–U+202E, U+2066–U+2069).
     */
    static boolean hasDeceptiveCharacters(String text) {
        return text.codePoints().anyMatch(c -> c <= 0x1f || c >= 0x7f && c <= 0x9f || c == 0x200e || c == 0x200f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069);
    }

    private void audit(AuditEvent.Type type, OAuthClient client) {
        audit.record(new AuditEvent(type, clock.instant(), null, client.clientId(),
                Map.of("name", Optional.ofNullable(client.name()).orElse(""),
                        "auth_method", client.authMethod().wireName())));
    }
}
