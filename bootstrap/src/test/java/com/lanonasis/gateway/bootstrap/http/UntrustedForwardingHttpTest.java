package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without trusted proxies, X-Forwarded-For cannot buy a caller a fresh budget. */
@MicronautTest
@Property(name = "onasis.edge.rate-limits.enabled", value = "true")
class UntrustedForwardingHttpTest extends HttpTest {

    @Test
    void forgedForwardedForIsIgnored() {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.post("/v1/auth/register", Map.of("email", "fwd-" + UUID.randomUUID() + "@example.com",
                    "password", "forwarded pass"), "X-Forwarded-For", "203.0.113." + i).status());
        }
        assertEquals(429, api.post("/v1/auth/register", Map.of("email", "fwd-" + UUID.randomUUID() + "@example.com",
                "password", "forwarded pass"), "X-Forwarded-For", "203.0.113.200", "X-Real-IP", "203.0.113.201")
                .status());
    }
}
