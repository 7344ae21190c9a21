package com.lanonasis.gateway.adapters.http.api;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For the OpenAPI document: a controller whose routes take an API key or a bearer token and answer
 * the common errors in the {@link ErrorBody} shape. A stereotype, so each controller states it once
 * and adds only its own 404.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "400", description = "invalid input (validation_failed, malformed_json)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "401", description = "no valid credential (unauthorized, invalid_api_key, invalid_token)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "403", description = "the credential lacks the scope (insufficient_scope)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "429", description = "too many requests (rate_limited, Retry-After)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
public @interface CredentialedApi {
}
