package com.lanonasis.gateway.adapters.http.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The service's public base URL: normalised once, refused with one line when it is no such URL. */
class PublicUrlTest {

    @Test
    void trailingSlashesAreDroppedAndPathsResolveAgainstIt() {
        PublicUrl url = new PublicUrl("https://api.example.com//");

        assertEquals("https://api.example.com", url.base());
        assertEquals("https://api.example.com/mcp", url.resolve("/mcp"));
        assertEquals("https://api.example.com", url.origin());
        assertEquals("api.example.com", url.host());
        assertTrue(url.secure());
    }

    @Test
    void itsOriginLeavesTheDefaultPortOut() {
        assertEquals("https://api.example.com", new PublicUrl("https://API.example.com:443/gateway").origin());
        assertEquals("http://localhost:4000", new PublicUrl("http://localhost:4000").origin());
        assertFalse(new PublicUrl("http://localhost:4000").secure());
    }

    @Test
    void whatIsNotAnAbsoluteHttpUrlIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"api.example.com", "ftp://api.example.com", "https://api.example.com/?a=b",
            "https://api.example.com/#top", "https://user@api.example.com", "http://", "https://exa mple.com"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new PublicUrl(bad), bad);
            assertTrue(refused.getMessage().startsWith("ONASIS_ISSUER (onasis.issuer) must be"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"));
        }
    }
}
