package com.lanonasis.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A malformed edge setting stops start-up with one line naming it, as the storage settings do. */
class EdgeSettingsStartupTest {

    private static String startUpLine(Map<String, Object> settings) {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(EmbeddedServer.class, settings, "test").close());
        String line = Application.configurationProblem(failure).orElseThrow(() -> failure);
        assertFalse(line.contains("\n"), line);
        return line;
    }

    @Test
    void anIssuerThatIsNoPublicUrlStopsStartUp() {
        String line = startUpLine(Map.of("onasis.issuer", "api.example.com"));

        assertTrue(line.startsWith("ONASIS_ISSUER (onasis.issuer) must be this service's public base URL"), line);
        assertTrue(line.endsWith("not: api.example.com"), line);
    }

    @Test
    void aCorsEntryThatIsNoOriginStopsStartUp() {
        String line = startUpLine(Map.of("onasis.edge.cors.allowed-origins", "https://*.example.com"));

        assertTrue(line.startsWith("ONASIS_CORS_ALLOWED_ORIGINS (onasis.edge.cors.allowed-origins): not an origin"),
                line);
    }

    @Test
    void anMcpSettingOutOfRangeStopsStartUp() {
        String line = startUpLine(Map.of("onasis.mcp.max-sessions-per-user", "0"));

        assertTrue(line.startsWith("ONASIS_MCP_MAX_SESSIONS_PER_USER (onasis.mcp.max-sessions-per-user) must be at least 1"),
                line);
    }

    @Test
    void anMcpAllowedOriginThatIsNoOriginStopsStartUp() {
        String line = startUpLine(Map.of("onasis.mcp.allowed-origins", "app.example"));

        assertTrue(line.startsWith("ONASIS_MCP_ALLOWED_ORIGINS (onasis.mcp.allowed-origins): not an origin"), line);
    }

    @Test
    void aTrustedProxyThatIsNoCidrStopsStartUp() {
        for (String bad : new String[] {"10.0.0.0/abc", "10.0.0.0/33", "proxy.internal"}) {
            String line = startUpLine(Map.of("onasis.edge.trusted-proxies", bad));

            assertTrue(line.startsWith("ONASIS_TRUSTED_PROXIES (onasis.edge.trusted-proxies): not an address or CIDR: "
                    + bad), line);
        }
    }

    @Test
    void aReturnOriginThatIsNoOriginStopsStartUp() {
        String line = startUpLine(Map.of("onasis.forward-auth.return-origins", "ftp://files.example"));

        assertTrue(line.startsWith("ONASIS_FORWARD_AUTH_RETURN_ORIGINS (onasis.forward-auth.return-origins): not an"),
                line);
    }
}
