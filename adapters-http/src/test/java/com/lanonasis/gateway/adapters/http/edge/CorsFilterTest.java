package com.lanonasis.gateway.adapters.http.edge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CORS allow-list, normalised by the shared origin normaliser. */
class CorsFilterTest {

    private final CorsFilter cors = new CorsFilter(List.of("https://dashboard.example", " http://localhost:* ",
            "vscode://lanonasis.mcp-client", ""));

    @Test
    void listedOriginsPassInAnySpellingOfTheSameOrigin() {
        assertTrue(cors.allowed("https://dashboard.example"));
        assertTrue(cors.allowed("https://Dashboard.Example:443"));
        assertTrue(cors.allowed("http://localhost:5173"));
        assertTrue(cors.allowed("vscode://lanonasis.mcp-client"));
    }

    @Test
    void anyOtherOriginIsRefused() {
        assertFalse(cors.allowed("https://dashboard.example:8443"));
        assertFalse(cors.allowed("http://dashboard.example"));
        assertFalse(cors.allowed("https://dashboard.example.evil.com"));
        assertFalse(cors.allowed("http://localhost.evil.com:5173"));
        assertFalse(cors.allowed("null"));
    }

    @Test
    void aMalformedEntryStopsStartUpNamingTheSetting() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new CorsFilter(List.of("https://*.example.com")));

        assertTrue(bad.getMessage().startsWith("ONASIS_CORS_ALLOWED_ORIGINS (onasis.edge.cors.allowed-origins): "
                + "not an origin"), bad.getMessage());
    }
}
