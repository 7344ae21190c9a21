package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.application.account.AccountService;
import com.lanonasis.gateway.application.admin.AccountErasure;
import com.lanonasis.gateway.application.admin.AdminSessionService;
import com.lanonasis.gateway.application.identity.PasswordCheck;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.identity.port.out.PasswordHasher;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.memory.port.out.AccountMemories;
import com.lanonasis.gateway.domain.tokens.port.out.Grants;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Account self-service and browser sessions (issue 17): the person's own use cases, and sessions for admins. */
@Factory
final class AccountFactory {

    @Singleton
    AccountErasure accountErasure(UserDirectory directory, AccountMemories memories, WebSessions sessions) {
        return new AccountErasure(directory, memories, sessions);
    }

    @Singleton
    AccountService account(Users users, UserDirectory directory, PasswordHasher hasher, PasswordCheck passwords,
                           WebSessions sessions, Consents consents, Grants grants, Clients clients,
                           AccountErasure erasure, AuditLog audit, JdbcDatabase unitOfWork, Clock clock) {
        return new AccountService(users, directory, hasher, passwords, sessions, consents, grants, clients, erasure,
                audit, unitOfWork, clock);
    }

    @Singleton
    AdminSessionService adminSessions(Users users, WebSessions sessions, AuditLog audit, Clock clock) {
        return new AdminSessionService(users, sessions, audit, clock);
    }
}
