package com.lanonasis.gateway.adapters.http.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one origin normaliser (RFC 6454): scheme, host and port, the scheme's default port left out. */
class OriginsTest {

    @Test
    void anOriginWithItsSchemesDefaultPortIsTheSameOriginAsOneWithout() {
        assertEquals(Optional.of("https://a.example"), Origins.of("https://a.example:443"));
        assertEquals(Optional.of("http://a.example"), Origins.of("http://a.example:80"));
        assertEquals(Origins.of("https://A.Example"), Origins.of("HTTPS://a.example:443/some/path?q=1"));
    }

    @Test
    void anotherPortOrSchemeIsAnotherOrigin() {
        assertEquals(Optional.of("https://a.example:8443"), Origins.of("https://a.example:8443"));
        assertEquals(Optional.of("http://a.example:443"), Origins.of("http://a.example:443"));
        assertEquals(Optional.of("vscode://lanonasis.mcp-client"), Origins.of("vscode://lanonasis.mcp-client"));
        assertEquals(Optional.of("http://[::1]:3000"), Origins.of("http://[::1]:3000"));
    }

    @Test
    void whatIsNoOriginIsEmpty() {
        assertEquals(Optional.empty(), Origins.of(null));
        assertEquals(Optional.empty(), Origins.of("null"));
        assertEquals(Optional.empty(), Origins.of("not a url"));
        assertEquals(Optional.empty(), Origins.of("https://user:pw@a.example"));
        assertEquals(Optional.empty(), Origins.of("/a/path"));
        assertEquals(Optional.empty(), Origins.ofHttp("vscode://lanonasis.mcp-client"));
        assertEquals(Optional.of("https://a.example"), Origins.ofHttp("https://a.example/x"));
    }

    @Test
    void loopbackIsAnyPortOfLocalhostOrTheLoopbackAddresses() {
        assertTrue(Origins.isLoopback("http://localhost:5173"));
        assertTrue(Origins.isLoopback("http://127.0.0.1"));
        assertTrue(Origins.isLoopback("http://[::1]:8080"));
        assertFalse(Origins.isLoopback("http://localhost.evil.example"));
        assertFalse(Origins.isLoopback("null"));
    }

    @Test
    void anAllowListEntryMatchesByOriginOrAnyPortOfItsHost() {
        Origins.Pattern exact = Origins.Pattern.parse("SETTING", "https://dashboard.example:443");
        Origins.Pattern anyPort = Origins.Pattern.parse("SETTING", "http://localhost:*");

        assertTrue(exact.matches("https://dashboard.example"));
        assertTrue(exact.matches("https://DASHBOARD.example:443"));
        assertFalse(exact.matches("http://dashboard.example"));
        assertFalse(exact.matches("https://dashboard.example.evil"));
        assertTrue(anyPort.matches("http://localhost:3000"));
        assertTrue(anyPort.matches("http://localhost"));
        assertFalse(anyPort.matches("http://localhost.evil.example:3000"));
        assertFalse(anyPort.matches("https://localhost:3000"));
    }

    @Test
    void aBadAllowListEntryNamesItsSetting() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Origins.Pattern.parse("ONASIS_CORS_ALLOWED_ORIGINS", "https://*.example.com"));

        assertTrue(bad.getMessage().startsWith("ONASIS_CORS_ALLOWED_ORIGINS: not an origin"), bad.getMessage());
    }
}
