package com.lanonasis.gateway.application.keys;

import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import java.util.Locale;
import java.util.Map;
import com.lanonasis.gateway.application.keys.port.in.CreateApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.ListApiKeysUseCase;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.application.keys.port.in.RevokeApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.RotateApiKeyUseCase;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.ApiKeyId;
import com.lanonasis.gateway.domain.keys.ApiKeySecret;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.shared.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

public final class ApiKeyService implements CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase,
        RotateApiKeyUseCase {

    /** How long a rotated key's old secret keeps working unless configured otherwise. */
    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofHours(24);

    public static final int ID_LENGTH = 24;
    /** 43 characters of base62: just over 256 bits of entropy. */
    public static final int SECRET_LENGTH = 43;
    public static final int MAX_LIVE_KEYS_PER_USER = 100;
    public static final long MIN_LIFETIME_SECONDS = 60;
    public static final long MAX_LIFETIME_SECONDS = Duration.ofDays(3650).toSeconds();

    private final ApiKeys apiKeys;
    private final SecretGenerator secrets;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AuditLog audit;
    private final Duration rotationGrace;

    public ApiKeyService(ApiKeys apiKeys, SecretGenerator secrets, UnitOfWork unitOfWork, Clock clock) {
        this(apiKeys, secrets, unitOfWork, clock, event -> { });
    }

    public ApiKeyService(ApiKeys apiKeys, SecretGenerator secrets, UnitOfWork unitOfWork, Clock clock,
                         AuditLog audit) {
        this(apiKeys, secrets, unitOfWork, clock, audit, DEFAULT_ROTATION_GRACE);
    }

    /** @param rotationGrace how long a rotated key's previous secret keeps working (zero: not at all) */
    public ApiKeyService(ApiKeys apiKeys, SecretGenerator secrets, UnitOfWork unitOfWork, Clock clock,
                         AuditLog audit, Duration rotationGrace) {
        if (rotationGrace.isNegative()) {
            throw new IllegalArgumentException("API-key rotation grace must not be negative: " + rotationGrace);
        }
        this.rotationGrace = rotationGrace;
        this.audit = audit;
        this.apiKeys = apiKeys;
        this.secrets = secrets;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Outcome<IssuedApiKey> create(Principal caller, NewApiKeyRequest request) {
        if (!caller.allows(Scope.API_KEYS_WRITE)) {
            return Outcome.forbidden(Scope.API_KEYS_WRITE);
        }
        Violations violations = new Violations();
        String name = violations.check(() -> ApiKey.validName(request.name()));
        Scopes scopes = violations.check(() -> request.scopes() == null || request.scopes().isEmpty()
                ? Scopes.API_KEY_DEFAULT : Scopes.parse(request.scopes()));
        if (scopes != null && !scopes.within(caller.scopes())) {
            violations.add("scopes", "a key cannot carry scopes its creator does not hold");
        }
        Long lifetime = request.expiresInSeconds();
        if (lifetime != null && (lifetime < MIN_LIFETIME_SECONDS || lifetime > MAX_LIFETIME_SECONDS)) {
            violations.add("expires_in", "expires_in must be between " + MIN_LIFETIME_SECONDS + " and "
                    + MAX_LIFETIME_SECONDS + " seconds");
        }
        if (violations.any()) {
            return violations.rejection();
        }
        Instant now = clock.instant();
        ApiKeySecret secret = new ApiKeySecret(secrets.alphanumeric(SECRET_LENGTH));
        ApiKey key = new ApiKey(new ApiKeyId(secrets.alphanumeric(ID_LENGTH)), caller.userId(), name, scopes,
                SecretHash.of(secret), now, lifetime == null ? null : now.plusSeconds(lifetime), null, null);
        return unitOfWork.allOrNothing(() -> {
            if (apiKeys.listByOwner(caller.userId()).size() >= MAX_LIVE_KEYS_PER_USER) {
                return Outcome.rejected(new Rejection.Conflict("too_many_keys",
                        "at most " + MAX_LIVE_KEYS_PER_USER + " live API keys per user; revoke one first"));
            }
            apiKeys.add(key);
            audit.record(new AuditEvent(AuditEvent.Type.API_KEY_CREATED, now, caller.userId().toString(),
                    caller.clientId(), Map.of("key_id", key.id().value(), "scopes", scopes.spaceDelimited(),
                            "via", caller.via().name().toLowerCase(Locale.ROOT))));
            return Outcome.done(new IssuedApiKey(key, secret));
        });
    }

    @Override
    public Outcome<List<ApiKey>> list(Principal caller) {
        if (!caller.allows(Scope.API_KEYS_READ)) {
            return Outcome.forbidden(Scope.API_KEYS_READ);
        }
        return Outcome.done(apiKeys.listByOwner(caller.userId()));
    }

    @Override
    public Outcome<ApiKeyId> revoke(Principal caller, String keyId) {
        if (!caller.allows(Scope.API_KEYS_WRITE)) {
            return Outcome.forbidden(Scope.API_KEYS_WRITE);
        }
        ApiKeyId id;
        try {
            id = new ApiKeyId(keyId);
        } catch (InvalidValue e) {
            return Outcome.notFound("api_key");
        }
        Instant now = clock.instant();
        if (!apiKeys.revoke(id, caller.userId(), now)) {
            return Outcome.notFound("api_key");
        }
        audit.record(new AuditEvent(AuditEvent.Type.API_KEY_REVOKED, now, caller.userId().toString(),
                caller.clientId(), Map.of("key_id", id.value())));
        return Outcome.done(id);
    }

    @Override
    public Outcome<IssuedApiKey> rotate(Principal caller, String keyId) {
        if (!caller.allows(Scope.API_KEYS_WRITE)) {
            return Outcome.forbidden(Scope.API_KEYS_WRITE);
        }
        ApiKeyId id;
        try {
            id = new ApiKeyId(keyId);
        } catch (InvalidValue e) {
            return Outcome.notFound("api_key");
        }
        Instant now = clock.instant();
        ApiKeySecret secret = new ApiKeySecret(secrets.alphanumeric(SECRET_LENGTH));
        Instant graceUntil = now.plus(rotationGrace);
        if (!apiKeys.rotate(id, caller.userId(), SecretHash.of(secret), graceUntil)) {
            return Outcome.notFound("api_key");
        }
        ApiKey rotated = apiKeys.findById(id).orElseThrow();
        audit.record(new AuditEvent(AuditEvent.Type.API_KEY_ROTATED, now, caller.userId().toString(),
                caller.clientId(), Map.of("key_id", id.value(), "old_secret_until", graceUntil.toString(),
                        "via", caller.via().name().toLowerCase(Locale.ROOT))));
        return Outcome.done(new IssuedApiKey(rotated, secret));
    }
}
