package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.application.auth.CredentialVerification;
import com.lanonasis.gateway.application.identity.IdentityService;
import com.lanonasis.gateway.application.identity.PasswordCheck;
import com.lanonasis.gateway.application.identity.WebSessionService;
import com.lanonasis.gateway.application.keys.ApiKeyService;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.edge.ThrottleService;
import com.lanonasis.gateway.application.memory.MemoryService;
import com.lanonasis.gateway.application.memory.SemanticIndex;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.identity.AdminEmails;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.RegistrationPolicy;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.keys.port.out.ApiKeys;
import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.domain.memory.port.out.MemoryEvents;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.domain.tokens.port.out.TokenSigner;
import io.micronaut.context.annotation.Factory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The use cases, built from plain constructors; the core itself carries no framework annotation. */
@Factory
final class UseCaseFactory {

    @Singleton
    Clock clock() {
        // microseconds: what both H2 and Postgres keep, so a value read back equals the one written
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    IdGenerator ids() {
        return IdGenerator.random();
    }

    @Singleton
    SecretGenerator secrets() {
        return SecretGenerator.secureRandom();
    }

    /** Credential verification, counted by credential and outcome for /metrics. */
    @Singleton
    AuthenticateUseCase credentialVerification(TokenSigner userTokens, AccessTokens accessTokens,
                                               WebSessions webSessions, ApiKeys apiKeys, Users users, Clock clock,
                                               @Nullable MeterRegistry meters) {
        CredentialVerification verification = new CredentialVerification(userTokens, accessTokens, webSessions,
                apiKeys, users, clock);
        return meters == null ? verification : new CountedAuthentication(verification, meters);
    }

    @Singleton
    PasswordCheck passwordCheck(Users users, UserDirectory directory, PasswordHasher hasher, SecretGenerator secrets,
                                RateLimiter limiter, LoginLockoutProperties lockout) {
        return new PasswordCheck(users, hasher, secrets, limiter, lockout.maxFailures(), lockout.maxAccountFailures(),
                lockout.window(), directory);
    }

    @Singleton
    IdentityService identity(Users users, PasswordHasher hasher, PasswordCheck passwords, TokenSigner signer,
                             AuditLog audit, IdGenerator ids, Clock clock,
                             TokenProperties tokens, RegistrationPolicy registration, AdminEmails admins) {
        return new IdentityService(users, hasher, passwords, signer, audit, ids, clock, tokens.userTokenLifetime(),
                registration, admins);
    }

    @Singleton
    WebSessionService webSessions(PasswordCheck passwords, WebSessions sessions, AuditLog audit,
                                  SecretGenerator secrets, Clock clock,
                                  OAuthProperties oauth) {
        return new WebSessionService(passwords, sessions, audit, secrets, clock, oauth.webSessionLifetime());
    }

    @Singleton
    ApiKeyService apiKeys(ApiKeys apiKeys, SecretGenerator secrets, JdbcDatabase unitOfWork, Clock clock,
                          AuditLog audit, ApiKeyProperties keys) {
        return new ApiKeyService(apiKeys, secrets, unitOfWork, clock, audit, keys.rotationGrace());
    }

    @Singleton
    MemoryService memories(Memories memories, Storage storage, IdGenerator ids, Clock clock, MemoryEvents events,
                           SemanticIndex semantic) {
        return new MemoryService(memories, storage.memory(), ids, clock, events, semantic);
    }

    @Singleton
    ThrottleService throttle(RateLimiter limiter) {
        return new ThrottleService(limiter);
    }
}
