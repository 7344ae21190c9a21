package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.mcp.config.McpSettings;
import com.lanonasis.gateway.application.auth.LiveCredentials;
import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResources;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which credentials each resource accepts, and the re-checking of open connections' credentials. */
@Factory
final class CredentialFactory {

    @Singleton
    ProtectedResources protectedResources(PublicUrl publicUrl, McpSettings mcp) {
        return ProtectedResources.forIssuer(publicUrl.base(), mcp.acceptLoginTokens());
    }

    /**
     * {@code onasis.oauth.resource-servers}: {@code client_id=resource URI} pairs (a client may appear
     * more than once); those confidential clients may introspect access tokens issued for that resource.
     */
    static Map<String, Set<String>> resourceServers(List<String> pairs) {
        Map<String, Set<String>> served = new HashMap<>();
        for (String pair : pairs) {
            String entry = pair.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("onasis.oauth.resource-servers: expected client_id=resource, got "
                        + entry);
            }
            served.computeIfAbsent(entry.substring(0, eq).strip(), id -> new HashSet<>())
                    .add(entry.substring(eq + 1).strip());
        }
        return served;
    }

    @Singleton
    LiveCredentials liveCredentials(AuthenticateUseCase authenticate) {
        return new LiveCredentials(authenticate);
    }
}
