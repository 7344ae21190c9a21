package com.lanonasis.gateway.application.auth.port.in;

import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * A resource this service protects and the credentials it accepts: OAuth tokens only when their
 * {@code aud} names one of {@code audiences} (RFC 8707, MCP authorization: no token passthrough),
 * other credentials only when their kind is in {@code kinds}. The one rule both adapters apply.
 *
 * @param name      for logs and messages, e.g. {@code api} or {@code mcp}
 * @param audiences resource URIs an OAuth token for this resource carries in {@code aud}
 * @param kinds     the credential kinds accepted here besides OAuth tokens
 */
public record ProtectedResource(String name, Set<String> audiences, Set<CredentialKind> kinds) {

    public ProtectedResource {
        Objects.requireNonNull(name, "name");
        audiences = Set.copyOf(audiences);
        kinds = Set.copyOf(kinds);
    }

    /** True when this resource accepts the credential the caller was verified by. */
    public boolean accepts(Principal caller) {
        if (caller.via() == CredentialKind.OAUTH_TOKEN) {
            return caller.audience().stream().anyMatch(audiences::contains);
        }
        return kinds.contains(caller.via());
    }
}
