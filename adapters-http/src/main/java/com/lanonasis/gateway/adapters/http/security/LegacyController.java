package com.lanonasis.gateway.adapters.http.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.application.oauth.port.in.LegacyBridgeUseCase;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.shared.Secret;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The bridge from the platform's login JWTs to OAuth: user info, or an OAuth token pair for a
 * client that authenticates as at the token endpoint (HTTP Basic, or {@code client_id} and
 * {@code client_secret} in the body; a public client sends only its id).
 */
@Controller("/legacy")
@ExecuteOn(TaskExecutors.BLOCKING)
final class LegacyController {

    private final LegacyBridgeUseCase bridge;

    LegacyController(LegacyBridgeUseCase bridge) {
        this.bridge = bridge;
    }

    @Post("/introspect")
    Map<String, Object> introspect(HttpRequest<?> request, @Nullable @Body LegacyBody body) {
        return bridge.introspect(token(request, body)).fold(
                user -> Map.of("active", true, "user", UserView.of(user)),
                rejection -> Map.of("active", false));
    }

    @Post("/exchange")
    HttpResponse<?> exchange(HttpRequest<?> request, @Nullable @Body LegacyBody body) {
        boolean basic = ClientCredentialsReader.usedBasic(request);
        if (body == null || (body.clientId() == null && !basic)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", "client_id is required");
        }
        String token = body.token() != null && !body.token().isBlank() ? body.token()
                : basic ? null : Callers.bearerToken(request).orElse(null);
        OAuthResult<TokenResponse> result = ClientCredentialsReader.read(request, body.clientId(), body.clientSecret())
                .map(client -> bridge.exchange(token, client, body.scope(),
                        body.resource() == null ? List.of() : List.of(body.resource())))
                .orElseGet(() -> OAuthResult.err(OAuthError.invalidClient()));
        if (result instanceof OAuthResult.Err<TokenResponse> err) {
            HttpStatus status = err.error().error().equals("invalid_client") ? HttpStatus.UNAUTHORIZED
                    : HttpStatus.BAD_REQUEST;
            var refused = HttpResponse.status(status).header("Cache-Control", "no-store");
            if (status == HttpStatus.UNAUTHORIZED && basic) {
                refused.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"onasis-gateway\"");
            }
            return refused.body(Map.of("error", err.error().error(), "error_description",
                    err.error().description() == null ? "" : err.error().description()));
        }
        TokenResponse issued = ((OAuthResult.Ok<TokenResponse>) result).value();
        return HttpResponse.ok(new ExchangedTokens(issued.accessToken(), "Bearer", issued.expiresIn(),
                issued.refreshToken(), issued.scopes().spaceDelimited())).header("Cache-Control", "no-store");
    }

    /** The legacy token from the body, or else from the Authorization header. */
    private static String token(HttpRequest<?> request, LegacyBody body) {
        if (body != null && body.token() != null && !body.token().isBlank()) {
            return body.token();
        }
        return Callers.bearerToken(request).orElse(null);
    }

    @Serdeable
    record LegacyBody(@Nullable String token, @Nullable @JsonProperty("client_id") String clientId,
                      @Nullable @JsonProperty("client_secret") String clientSecret,
                      @Nullable String scope, @Nullable String resource) {
        @Override
        public String toString() {
            return Secret.redacted("LegacyBody[clientId=" + clientId + "]");
        }
    }

    @Serdeable
    record ExchangedTokens(@JsonProperty("access_token") String accessToken,
                           @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
                           @JsonProperty("refresh_token") String refreshToken, String scope) {
        @Override
        public String toString() {
            return Secret.redacted("ExchangedTokens");
        }
    }
}
