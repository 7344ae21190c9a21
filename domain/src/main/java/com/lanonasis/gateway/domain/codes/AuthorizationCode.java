package com.lanonasis.gateway.domain.codes;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issued authorization code, stored by the hash of its value.
 *
 * @param redirectUri the redirect URI the code was sent to, exactly as the client gave it
 * @param resources   the RFC 8707 resources the user authorized (may be empty)
 * @param familyId    ties together every token this code produces, so a replay can revoke them
 */
public record AuthorizationCode(SecretHash codeHash, String clientId, UserId userId, String redirectUri,
                                Scopes scopes, String codeChallenge, List<String> resources, String familyId,
                                Instant expiresAt) {

    public AuthorizationCode {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        resources = List.copyOf(resources);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
