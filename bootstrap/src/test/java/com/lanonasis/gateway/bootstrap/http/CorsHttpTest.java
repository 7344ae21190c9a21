package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** CORS from the default allow-list: listed origins only, any port on localhost, preflight everywhere. */
@MicronautTest
class CorsHttpTest extends HttpTest {

    @Test
    void aListedOriginGetsItselfBackWithCredentials() {
        Api.Reply reply = api.get("/health", "Origin", "https://dashboard.lanonasis.com");
        assertEquals("https://dashboard.lanonasis.com", reply.header("Access-Control-Allow-Origin"));
        assertEquals("true", reply.header("Access-Control-Allow-Credentials"));
        assertTrue(reply.header("Access-Control-Expose-Headers").contains("X-Request-ID"));
        assertEquals("Origin", reply.header("Vary"));
    }

    @Test
    void localhostOnAnyPortIsAllowedForDevelopment() {
        assertEquals("http://localhost:5173", api.get("/health", "Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Origin"));
        assertNull(api.get("/health", "Origin", "http://localhost.evil.example:5173")
                .header("Access-Control-Allow-Origin"));
    }

    @Test
    void anUnlistedOriginIsNeverReflected() {
        Api.Reply reply = api.get("/health", "Origin", "https://evil.example");
        assertEquals(200, reply.status());
        assertNull(reply.header("Access-Control-Allow-Origin"));
        assertNull(reply.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void preflightIsAnsweredForEveryRoute() {
        for (String path : new String[] {"/api/v1/memory", "/oauth/token", "/mcp", "/no/such/route"}) {
            Api.Reply preflight = api.send(HttpMethod.OPTIONS, path, null, "Origin", "vscode://lanonasis.mcp-client",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
            assertEquals(204, preflight.status(), path + ": " + preflight);
            assertEquals("vscode://lanonasis.mcp-client", preflight.header("Access-Control-Allow-Origin"));
            assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
            assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        }
        Api.Reply refused = api.send(HttpMethod.OPTIONS, "/api/v1/memory", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertEquals(403, refused.status());
        assertNull(refused.header("Access-Control-Allow-Origin"));
    }
}
