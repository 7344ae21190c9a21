package com.lanonasis.gateway.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * A verified caller. Only the credential-verification use cases construct one (ArchUnit
 * enforces it); everything else receives it.
 *
 * @param credentialId the API key id, token id or session that authenticated this call
 * @param clientId     the OAuth client the credential was issued to; null for others
 * @param audience     the resources an OAuth token is for (RFC 8707); empty for other credentials
 */
public record Principal(UserId userId, String email, Role role, Scopes scopes,
                        CredentialKind via, String credentialId, String clientId, List<String> audience) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(credentialId, "credentialId");
        audience = audience == null ? List.of() : List.copyOf(audience);
    }

    public boolean allows(Scope required) {
        return scopes.allows(required);
    }
}
