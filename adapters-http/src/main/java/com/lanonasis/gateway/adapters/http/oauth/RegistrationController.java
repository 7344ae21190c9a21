package com.lanonasis.gateway.adapters.http.oauth;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.edge.ClientAddress;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.oauth.port.in.ClientMetadata;
import com.lanonasis.gateway.application.oauth.port.in.ClientRegistrationUseCase;
import com.lanonasis.gateway.application.oauth.port.in.RegisteredClient;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.shared.FieldError;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Rejection;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dynamic client registration (RFC 7591) and management (RFC 7592). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class RegistrationController {

    private final ClientRegistrationUseCase registration;
    private final String issuer;
    private final ClientAddress addresses;

    RegistrationController(ClientRegistrationUseCase registration, PublicUrl publicUrl,
                           ClientAddress addresses) {
        this.registration = registration;
        this.issuer = publicUrl.base();
        this.addresses = addresses;
    }

    @Post(uris = {"/register", "/oauth/register"})
    HttpResponse<?> register(HttpRequest<?> request, @Body MetadataJson body) {
        if (!body.hasKnownApplicationType()) {
            return metadataError("invalid_client_metadata", MetadataJson.APPLICATION_TYPES);
        }
        return answer(registration.register(body.toMetadata(),
                addresses.of(request)), HttpStatus.CREATED, body.applicationType());
    }

    @Get(uris = {"/register/{clientId}", "/oauth/register/{clientId}"})
    HttpResponse<?> read(HttpRequest<?> request, @PathVariable String clientId) {
        return answer(registration.read(clientId, token(request)), HttpStatus.OK);
    }

    @Put(uris = {"/register/{clientId}", "/oauth/register/{clientId}"})
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String clientId, @Body MetadataJson body) {
        if (body.clientId() != null && !body.clientId().equals(clientId)) {
            return metadataError("invalid_client_metadata", "client_id in the body must match the URL");
        }
        if (!body.hasKnownApplicationType()) {
            return metadataError("invalid_client_metadata", MetadataJson.APPLICATION_TYPES);
        }
        return answer(registration.update(clientId, token(request), body.toMetadata()), HttpStatus.OK,
                body.applicationType());
    }

    @Delete(uris = {"/register/{clientId}", "/oauth/register/{clientId}"})
    HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String clientId) {
        Outcome<String> deleted = registration.delete(clientId, token(request));
        return deleted.fold(id -> OAuthResponses.noStore(HttpResponse.noContent()), this::rejected);
    }

    private static String token(HttpRequest<?> request) {
        return Callers.bearerToken(request).orElse(null);
    }

    private HttpResponse<?> answer(Outcome<RegisteredClient> outcome, HttpStatus status) {
        return answer(outcome, status, null);
    }

    /**
     * @param applicationType echoed as sent (OIDC Dynamic Client Registration §2: web or native); it is
     *                        accepted and checked but not stored, so a later read does not show it
     */
    private HttpResponse<?> answer(Outcome<RegisteredClient> outcome, HttpStatus status, String applicationType) {
        return outcome.fold(client -> {
            Map<String, Object> described = describe(client);
            if (applicationType != null) {
                described.put("application_type", applicationType);
            }
            return OAuthResponses.noStore(HttpResponse.status(status).body(described));
        }, this::rejected);
    }

    private MutableHttpResponse<?> rejected(Rejection rejection) {
        return rejection.match(AS_REGISTRATION_ERROR);
    }

    /** RFC 7591 §3.2.2 and RFC 7592 errors for each reason a registration use case declines. */
    private static final Rejection.Cases<MutableHttpResponse<?>> AS_REGISTRATION_ERROR = new Rejection.Cases<>() {
        @Override
        public MutableHttpResponse<?> invalid(Rejection.Invalid invalid) {
            FieldError first = invalid.errors().get(0);
            boolean redirect = invalid.errors().stream().anyMatch(error -> error.field().equals("redirect_uris"));
            return metadataError(redirect ? "invalid_redirect_uri" : "invalid_client_metadata",
                    redirect ? invalid.errors().stream().filter(e -> e.field().equals("redirect_uris"))
                            .findFirst().orElse(first).message() : first.field() + ": " + first.message());
        }

        @Override
        public MutableHttpResponse<?> rateLimited(Rejection.RateLimited limited) {
            return OAuthResponses.noStore(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(Math.max(1, limited.retryAfter().toSeconds())))
                    .body(new OAuthResponses.ErrorJson("slow_down", "too many registrations; retry later")));
        }

        @Override
        public MutableHttpResponse<?> conflict(Rejection.Conflict conflict) {
            return OAuthResponses.noStore(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new OAuthResponses.ErrorJson("temporarily_unavailable", conflict.message())));
        }

        @Override
        public MutableHttpResponse<?> refused(Rejection.Refused refused) {
            return OAuthResponses.noStore(HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(new OAuthResponses.ErrorJson("access_denied", refused.message())));
        }

        @Override
        public MutableHttpResponse<?> forbidden(Rejection.Forbidden forbidden) {
            return OAuthResponses.noStore(HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(new OAuthResponses.ErrorJson("access_denied",
                            "this registration may not ask for " + forbidden.required().value())));
        }

        // RFC 7592 §2.1: an unknown client or a wrong token are both 401, so nothing about either leaks
        @Override
        public MutableHttpResponse<?> notFound(Rejection.NotFound notFound) {
            return unknownClientOrToken();
        }

        @Override
        public MutableHttpResponse<?> invalidCredentials(Rejection.InvalidCredentials rejection) {
            return unknownClientOrToken();
        }
    };

    private static MutableHttpResponse<?> unknownClientOrToken() {
        return OAuthResponses.noStore(HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body(new OAuthResponses.ErrorJson("invalid_token", "unknown client or wrong registration access token")));
    }

    private static MutableHttpResponse<?> metadataError(String error, String description) {
        return OAuthResponses.noStore(HttpResponse.badRequest(new OAuthResponses.ErrorJson(error, description)));
    }

    private Map<String, Object> describe(RegisteredClient registered) {
        OAuthClient client = registered.client();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.clientId());
        if (registered.clientSecret() != null) {
            body.put("client_secret", registered.clientSecret());
        }
        if (!client.isPublic()) {
            body.put("client_secret_expires_at", 0);
        }
        body.put("client_id_issued_at", client.createdAt().getEpochSecond());
        if (registered.registrationAccessToken() != null) {
            body.put("registration_access_token", registered.registrationAccessToken());
        }
        body.put("registration_client_uri", issuer + "/register/" + client.clientId());
        if (client.name() != null) {
            body.put("client_name", client.name());
        }
        body.put("redirect_uris", client.redirectUris().stream().map(RedirectUri::value).toList());
        body.put("grant_types", client.grantTypes().stream().map(GrantType::wireName).sorted().toList());
        body.put("response_types", client.allows(GrantType.AUTHORIZATION_CODE) ? List.of("code") : List.of());
        body.put("token_endpoint_auth_method", client.authMethod().wireName());
        body.put("scope", client.scopes().spaceDelimited());
        return body;
    }

    /** RFC 7591 §2 metadata; unknown members are ignored as the RFC asks. */
    @Serdeable
    record MetadataJson(@Nullable @JsonProperty("client_id") String clientId,
                        @Nullable @JsonProperty("redirect_uris") List<String> redirectUris,
                        @Nullable @JsonProperty("client_name") String clientName,
                        @Nullable @JsonProperty("grant_types") List<String> grantTypes,
                        @Nullable @JsonProperty("response_types") List<String> responseTypes,
                        @Nullable @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
                        @Nullable String scope,
                        @Nullable @JsonProperty("application_type") String applicationType) {

        static final String APPLICATION_TYPES = "application_type: must be web or native";

        boolean hasKnownApplicationType() {
            return applicationType == null || "web".equals(applicationType) || "native".equals(applicationType);
        }

        ClientMetadata toMetadata() {
            return new ClientMetadata(redirectUris, clientName, grantTypes, responseTypes, tokenEndpointAuthMethod,
                    scope);
        }
    }
}
