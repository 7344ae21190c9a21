package com.lanonasis.gateway.adapters.http.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI 3.1 document that micronaut-openapi generated from this module's controllers
 * at compile time. Public, like the discovery documents; it describes routes, never data.
 */
@Controller
@Hidden
final class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/onasis-gateway.yml";

    private final String yaml;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing: the OpenAPI processor did not run");
            }
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uris = {"/api/v1/openapi.yml", "/api/v1/openapi.yaml"})
    HttpResponse<String> document() {
        return HttpResponse.ok(yaml).contentType("application/yaml;charset=utf-8")
                .header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff");
    }
}
