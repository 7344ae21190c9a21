package com.lanonasis.gateway.adapters.http.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import io.micronaut.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a sign-in may return to, and which posts come from our own pages. */
class BrowserFormsTest {

    private final BrowserForms forms = new BrowserForms(new PublicUrl("https://id.example"),
            List.of("https://app.example:443"), null);

    @Test
    void safeReturnKeepsLocalPathsAndAllowedOriginsOnly() {
        assertEquals("/account?tab=keys", forms.safeReturn("/account?tab=keys"));
        assertEquals("https://app.example/dash", forms.safeReturn("https://app.example/dash"));
        assertEquals("https://app.example:443/dash", forms.safeReturn("https://app.example:443/dash"));
        assertEquals("https://id.example/web/x", forms.safeReturn("https://id.example/web/x"));
        assertEquals("/a%20b", forms.safeReturn("/a b"));
        for (String unsafe : new String[] {"//evil.example/x", "/\\evil.example", "https://evil.example/",
            "https://app.example:8443/", "http://app.example/", "javascript:alert(1)", "/x\r\nSet-Cookie: a=b", ""}) {
            assertEquals("/web/login", forms.safeReturn(unsafe), unsafe);
        }
    }

    @Test
    void aPostFromOurOwnOriginInAnySpellingIsOurs() {
        assertTrue(forms.fromOurOwnPage(HttpRequest.POST("/web/login", "").header("Origin", "https://id.example:443")
                .header("Sec-Fetch-Site", "same-origin")));
        assertTrue(forms.fromOurOwnPage(HttpRequest.POST("/web/login", "").header("Origin", "http://gw.internal:8080")
                .header("Host", "gw.internal:8080")));
        assertTrue(forms.fromOurOwnPage(HttpRequest.POST("/web/login", "").header("Origin", "https://id.example")
                .header("Host", "id.example:443")));
        assertFalse(forms.fromOurOwnPage(HttpRequest.POST("/web/login", "").header("Origin", "https://evil.example")
                .header("Host", "id.example")));
        assertFalse(forms.fromOurOwnPage(HttpRequest.POST("/web/login", "").header("Sec-Fetch-Site", "cross-site")));
        assertFalse(forms.fromOurOwnPage(HttpRequest.POST("/web/login", "").header("Origin", "null")));
    }
}
