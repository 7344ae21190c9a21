package com.lanonasis.gateway.adapters.mcp.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The MCP server's settings, {@code onasis.mcp.*}, bound once and checked when bound: a value out of
 * range stops start-up with one line naming its environment variable.
 *
 * @param sessionIdleTimeout  {@code ONASIS_MCP_SESSION_IDLE_TIMEOUT}: a session unused this long ends (positive)
 * @param maxSessionsPerUser  {@code ONASIS_MCP_MAX_SESSIONS_PER_USER}: opening one more ends the user's oldest (≥ 1)
 * @param requestStateKey     {@code ONASIS_MCP_REQUEST_STATE_KEY}: signs requestState; empty: a random key per instance
 * @param allowedOrigins      {@code ONASIS_MCP_ALLOWED_ORIGINS}: browser origins allowed besides this service and loopback
 * @param allowedHosts        {@code ONASIS_MCP_ALLOWED_HOSTS}: Host names accepted besides the issuer's and loopback
 * @param acceptLoginTokens   {@code ONASIS_MCP_ACCEPT_LOGIN_TOKENS}: MCP also accepts the platform's login JWTs
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.mcp")
public record McpSettings(@Bindable(defaultValue = "30m") Duration sessionIdleTimeout,
                          @Bindable(defaultValue = "32") int maxSessionsPerUser,
                          @Nullable String requestStateKey,
                          @Nullable List<String> allowedOrigins,
                          @Nullable List<String> allowedHosts,
                          @Bindable(defaultValue = "false") boolean acceptLoginTokens) {

    public McpSettings {
        if (sessionIdleTimeout == null || sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
            throw new IllegalArgumentException("ONASIS_MCP_SESSION_IDLE_TIMEOUT (onasis.mcp.session-idle-timeout) "
                    + "must be a positive duration such as 30m, not " + sessionIdleTimeout);
        }
        if (maxSessionsPerUser < 1) {
            throw new IllegalArgumentException("ONASIS_MCP_MAX_SESSIONS_PER_USER (onasis.mcp.max-sessions-per-user) "
                    + "must be at least 1, not " + maxSessionsPerUser);
        }
        requestStateKey = requestStateKey == null ? "" : requestStateKey;
        allowedOrigins = nonBlank(allowedOrigins);
        allowedHosts = nonBlank(allowedHosts);
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
