package com.lanonasis.gateway.adapters.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import io.micronaut.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 6749 §2.3.1 client authentication: Basic (form-encoded id and secret), the body, or none. */
class ClientCredentialsReaderTest {

    private static HttpRequest<?> basic(String idAndSecret) {
        return HttpRequest.POST("/oauth/token", "").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(idAndSecret.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void basicCredentialsAreFormDecoded() {
        ClientAuthentication read = ClientCredentialsReader.read(basic("my%20client:s%3Acret"), null, null).orElseThrow();

        assertEquals("my client", read.clientId());
        assertEquals(ClientAuthentication.Method.BASIC, read.method());
        assertTrue(ClientCredentialsReader.usedBasic(basic("a:b")));
    }

    @Test
    void basicAndABodySecretTogetherOrADifferentIdIsNoClient() {
        assertTrue(ClientCredentialsReader.read(basic("a:b"), null, "b").isEmpty());
        assertTrue(ClientCredentialsReader.read(basic("a:b"), "other", null).isEmpty());
        assertTrue(ClientCredentialsReader.read(basic("no-colon"), null, null).isEmpty());
        assertTrue(ClientCredentialsReader.read(HttpRequest.POST("/oauth/token", "")
                .header("Authorization", "Basic ***"), null, null).isEmpty());
    }

    @Test
    void withoutBasicTheBodyDecides() {
        ClientAuthentication post = ClientCredentialsReader.read(HttpRequest.POST("/oauth/token", ""), "a", "b")
                .orElseThrow();
        ClientAuthentication none = ClientCredentialsReader.read(HttpRequest.POST("/oauth/token", ""), "a", null)
                .orElseThrow();

        assertEquals(ClientAuthentication.Method.POST, post.method());
        assertEquals(ClientAuthentication.Method.NONE, none.method());
        assertNull(none.secret());
        assertFalse(ClientCredentialsReader.usedBasic(HttpRequest.POST("/oauth/token", "")));
    }
}
