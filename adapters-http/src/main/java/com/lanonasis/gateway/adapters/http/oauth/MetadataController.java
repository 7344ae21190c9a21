package com.lanonasis.gateway.adapters.http.oauth;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.application.oauth.port.in.PublishKeysUseCase;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authorization server metadata (RFC 8414), served also at the OIDC discovery path for clients
 * that only look there, and the JWKS. Advertises exactly what is implemented: no ID tokens, so
 * no OIDC-only fields.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class MetadataController {

    private final Map<String, Object> metadata;
    private final PublishKeysUseCase keys;

    MetadataController(PublicUrl publicUrl, @Value("${onasis.oauth.scopes}") List<String> scopes,
                       PublishKeysUseCase keys) {
        String issuer = publicUrl.base();
        this.keys = keys;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/oauth/authorize");
        document.put("token_endpoint", issuer + "/oauth/token");
        document.put("revocation_endpoint", issuer + "/oauth/revoke");
        document.put("introspection_endpoint", issuer + "/oauth/introspect");
        document.put("registration_endpoint", issuer + "/register");
        document.put("device_authorization_endpoint", issuer + "/oauth/device");
        document.put("jwks_uri", issuer + "/oauth/jwks.json");
        document.put("scopes_supported", scopes);
        document.put("response_types_supported", List.of("code"));
        document.put("response_modes_supported", List.of("query"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials",
                "urn:ietf:params:oauth:grant-type:device_code"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("token_endpoint_auth_methods_supported",
                List.of("none", "client_secret_basic", "client_secret_post"));
        document.put("revocation_endpoint_auth_methods_supported",
                List.of("none", "client_secret_basic", "client_secret_post"));
        document.put("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        document.put("authorization_response_iss_parameter_supported", true);
        document.put("resource_indicators_supported", true);
        // a client_id may be the https URL of the client's own metadata document (the MCP clients' default)
        document.put("client_id_metadata_document_supported", true);
        this.metadata = Collections.unmodifiableMap(document);
    }

    @Get(uris = {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"})
    Map<String, Object> metadata() {
        return metadata;
    }

    @Get(uris = {"/oauth/jwks.json", "/jwks", "/.well-known/jwks.json"}, produces = "application/jwk-set+json")
    HttpResponse<String> jwks() {
        return HttpResponse.ok(keys.publicKeySet()).contentType(MediaType.of("application/jwk-set+json"))
                .header("Cache-Control", "public, max-age=300");
    }
}
