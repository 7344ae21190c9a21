package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcClientDirectory;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcGrants;
import com.lanonasis.gateway.application.admin.AccountErasure;
import com.lanonasis.gateway.application.admin.AdminService;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.audit.port.out.AuditTrail;
import com.lanonasis.gateway.domain.clients.port.out.ClientDirectory;
import com.lanonasis.gateway.domain.identity.AdminEmails;
import com.lanonasis.gateway.domain.identity.RegistrationPolicy;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.memory.port.out.AccountMemories;
import com.lanonasis.gateway.domain.tokens.port.out.Grants;
import com.lanonasis.gateway.domain.tokens.port.out.OAuthTokenSigner;
import com.lanonasis.gateway.domain.tokens.port.out.SigningKeys;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The admin plane (issue 17): its settings, its stores and its use cases. */
@Factory
final class AdminFactory {

    /** Built at start-up, so a malformed setting stops the instance instead of the first sign-up. */
    @Context
    AdminEmails adminEmails(AdminProperties admin) {
        return admin.admins();
    }

    @Context
    RegistrationPolicy registrationPolicy(RegistrationProperties registration) {
        return registration.policy();
    }

    @Singleton
    Grants grants(JdbcDatabase database) {
        return new JdbcGrants(database);
    }

    @Singleton
    ClientDirectory clientDirectory(JdbcDatabase database, OAuthFactory.PreRegisteredClients configured,
                                    OAuthProperties oauth) {
        return new JdbcClientDirectory(database, configured.clients(), oauth.accessTokenLifetime());
    }

    @Singleton
    AdminService admin(Users users, UserDirectory directory, Grants grants, AccountMemories memories, AuditLog audit,
                       AuditTrail trail, JdbcDatabase unitOfWork, AdminEmails admins, Clock clock,
                       ClientDirectory clients, SigningKeys signingKeys, OAuthTokenSigner signer,
                       AccountErasure erasure) {
        return new AdminService(users, directory, grants, memories, audit, trail, unitOfWork, admins, clock, clients,
                signingKeys, signer, erasure);
    }
}
