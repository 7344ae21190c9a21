package com.lanonasis.gateway.adapters.http.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI definition of the REST API. micronaut-openapi reads the controllers of this module at
 * compile time and writes {@code META-INF/swagger/onasis-gateway.yml}; {@link OpenApiController} serves it.
 */
@OpenAPIDefinition(info = @Info(title = "onasis-gateway", version = "1",
        description = "Authentication, OAuth 2.1 authorization server and durable memory for AI assistants.",
        license = @License(name = "see the repository")))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class RestApi {

    private RestApi() {
    }
}
