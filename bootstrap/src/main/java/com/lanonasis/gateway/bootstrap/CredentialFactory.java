package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.application.auth.LiveCredentials;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResources;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

/** Which credentials each resource accepts, and the re-checking of open connections' credentials. */
@Factory
final class CredentialFactory {

    @Singleton
    ProtectedResources protectedResources(@Property(name = "onasis.issuer") String issuer,
                                          @Property(name = "onasis.mcp.accept-login-tokens") boolean acceptLoginTokens) {
        return ProtectedResources.forIssuer(issuer, acceptLoginTokens);
    }

    @Singleton
    LiveCredentials liveCredentials(AuthenticateUseCase authenticate) {
        return new LiveCredentials(authenticate);
    }
}
