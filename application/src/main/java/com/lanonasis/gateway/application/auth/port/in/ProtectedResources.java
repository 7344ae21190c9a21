package com.lanonasis.gateway.application.auth.port.in;

import com.lanonasis.gateway.domain.shared.CredentialKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which credentials each resource of this service accepts, decided here once:
 * <ul>
 *   <li>{@link #api()}: the REST API ({@code /api/v1/*}, {@code /v1/auth/session}, {@code /v1/auth/verify},
 *       the REST view of the tools): API keys, login JWTs, and OAuth tokens for {@code <issuer>},
 *       {@code <issuer>/} or {@code <issuer>/api/v1};</li>
 *   <li>{@link #mcp()}: the MCP transports ({@code /mcp}, {@code /sse}, {@code /messages}, {@code /ws}):
 *       API keys and OAuth tokens for {@code <issuer>/mcp}; login JWTs (which have no audience) only
 *       when {@code acceptLoginTokensAtMcp} is set for legacy clients.</li>
 * </ul>
 */
public record ProtectedResources(ProtectedResource api, ProtectedResource mcp) {

    public static ProtectedResources forIssuer(String issuer, boolean acceptLoginTokensAtMcp) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        ProtectedResource api = new ProtectedResource("api", Set.of(base, base + "/", base + "/api/v1"),
                EnumSet.of(CredentialKind.API_KEY, CredentialKind.USER_TOKEN));
        Set<CredentialKind> mcpKinds = acceptLoginTokensAtMcp
                ? EnumSet.of(CredentialKind.API_KEY, CredentialKind.USER_TOKEN) : EnumSet.of(CredentialKind.API_KEY);
        ProtectedResource mcp = new ProtectedResource("mcp", Set.of(base + "/mcp", base + "/mcp/"), mcpKinds);
        return new ProtectedResources(api, mcp);
    }
}
