package com.lanonasis.gateway.adapters.http.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.application.auth.port.in.Credential;
import io.micronaut.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one credential reader of REST, MCP and the upstream proxy. */
class CredentialsTest {

    @Test
    void anApiKeyWinsOverABearerToken() {
        Credential credential = Credentials.of(" pk_a.sk_b ", "Bearer eyJ.token").orElseThrow();

        assertInstanceOf(Credential.ApiKey.class, credential);
        assertEquals("pk_a.sk_b", credential.reveal());
    }

    @Test
    void anApiKeySentAsABearerTokenIsReadAsOne() {
        assertInstanceOf(Credential.ApiKey.class, Credentials.of(null, "Bearer pk_a.sk_b").orElseThrow());
        assertInstanceOf(Credential.BearerToken.class, Credentials.of("  ", "bearer eyJ.token").orElseThrow());
        assertEquals("eyJ.token", Credentials.of(null, "BEARER   eyJ.token  ").orElseThrow().reveal());
    }

    @Test
    void otherSchemesAndEmptyValuesAreNoCredential() {
        assertEquals(Optional.empty(), Credentials.of(null, null));
        assertEquals(Optional.empty(), Credentials.of("", "Bearer "));
        assertEquals(Optional.empty(), Credentials.of(null, "Basic YTpi"));
        assertEquals(Optional.empty(), Credentials.of(null, "Bearertoken"));
    }

    @Test
    void aRequestsHeadersAreReadTheSameWay() {
        HttpRequest<?> request = HttpRequest.GET("/x").header("X-API-Key", "pk_a.sk_b")
                .header("Authorization", "Bearer eyJ.token");

        assertInstanceOf(Credential.ApiKey.class, Credentials.presented(request).orElseThrow());
        assertEquals(Optional.of("eyJ.token"), Credentials.bearerToken(request));
        assertTrue(Credentials.presented(HttpRequest.GET("/x")).isEmpty());
    }

    @Test
    void aBareTokenIsAnApiKeyByItsPrefix() {
        assertInstanceOf(Credential.ApiKey.class, Credentials.ofToken(" pk_a.sk_b"));
        assertInstanceOf(Credential.BearerToken.class, Credentials.ofToken("eyJ.token"));
    }
}
