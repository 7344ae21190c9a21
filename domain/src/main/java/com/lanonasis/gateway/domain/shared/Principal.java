package com.lanonasis.gateway.domain.shared;

import java.util.Objects;

/**
 * A verified caller. Only the credential-verification use cases construct one (ArchUnit
 * enforces it); everything else receives it.
 *
 * @param credentialId the API key id or token id that authenticated this call
 */
public record Principal(UserId userId, String email, Role role, Scopes scopes,
                        CredentialKind via, String credentialId) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(credentialId, "credentialId");
    }

    public boolean allows(Scope required) {
        return scopes.allows(required);
    }
}
