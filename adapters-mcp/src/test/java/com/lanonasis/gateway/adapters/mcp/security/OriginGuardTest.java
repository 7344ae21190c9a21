package com.lanonasis.gateway.adapters.mcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import io.micronaut.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS-rebinding protection of the MCP endpoints, with the shared origin normaliser. */
class OriginGuardTest {

    private final OriginGuard guard = new OriginGuard(new PublicUrl("https://mcp.example"),
            List.of("https://App.example:443"), List.of("internal.example"));

    private String refusal(String host, String origin) {
        HttpRequest<?> request = HttpRequest.POST("/mcp", "");
        if (host != null) {
            request = ((io.micronaut.http.MutableHttpRequest<?>) request).header("Host", host);
        }
        if (origin != null) {
            request = ((io.micronaut.http.MutableHttpRequest<?>) request).header("Origin", origin);
        }
        return guard.refusal(request);
    }

    @Test
    void ourOwnConfiguredAndLoopbackOriginsPass() {
        assertNull(refusal("mcp.example", null));
        assertNull(refusal("mcp.example", "https://mcp.example:443"));
        assertNull(refusal("mcp.example", "https://app.example"));
        assertNull(refusal("localhost:4000", "http://localhost:5173"));
        assertNull(refusal("internal.example:8080", "http://[::1]:3000"));
    }

    @Test
    void otherOriginsAndHostsAreRefusedSayingWhy() {
        assertEquals("requests from origin https://evil.example are not allowed", refusal("mcp.example",
                "https://evil.example"));
        assertEquals("requests from origin https://app.example:8443 are not allowed", refusal("mcp.example",
                "https://app.example:8443"));
        assertEquals("requests from origin null are not allowed", refusal("mcp.example", "null"));
        assertEquals("the Origin header is malformed", refusal("mcp.example", "https://exa mple"));
        assertEquals("the Host header names a host this server does not serve", refusal("evil.example", null));
    }

    @Test
    void aMalformedAllowedOriginStopsStartUpNamingTheSetting() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new OriginGuard(
                new PublicUrl("https://mcp.example"), List.of("app.example"), List.of()));

        assertTrue(bad.getMessage().startsWith("ONASIS_MCP_ALLOWED_ORIGINS"), bad.getMessage());
    }
}
