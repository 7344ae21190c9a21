package com.lanonasis.gateway.adapters.http.health;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** Liveness: the process answers. Readiness per dependency belongs to {@code /health/full}. */
@Controller
final class HealthController {

    @Get(uris = {"/health", "/api/v1/health"})
    Health health() {
        return new Health("ok", "onasis-gateway", Instant.now().toString());
    }

    @Serdeable
    record Health(String status, String service, String timestamp) {
    }
}
