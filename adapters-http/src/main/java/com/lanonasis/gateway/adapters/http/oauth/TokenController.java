package com.lanonasis.gateway.adapters.http.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.application.oauth.port.in.IssueTokenUseCase;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenRequest;
import com.lanonasis.gateway.application.oauth.port.in.TokenResponse;
import com.lanonasis.gateway.domain.shared.Secret;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** The token endpoint (RFC 6749 §3.2), at {@code /oauth/token} and the root alias {@code /token}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class TokenController {

    private final IssueTokenUseCase tokens;
    private final JsonMapper json;

    TokenController(IssueTokenUseCase tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Post(uris = {"/oauth/token", "/token"})
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    HttpResponse<?> token(HttpRequest<?> request, @Nullable @Body String body) {
        return ClientRequests.handle(request, body, json, (client, form) -> answer(request, tokens.issue(client,
                new TokenRequest(form.get("grant_type"), form.get("code"), form.get("redirect_uri"),
                        form.get("code_verifier"), form.get("refresh_token"), form.get("scope"), form.all("resource"),
                        form.get("device_code")))));
    }

    static HttpResponse<?> answer(HttpRequest<?> request, OAuthResult<TokenResponse> result) {
        if (result instanceof OAuthResult.Err<TokenResponse> err) {
            return OAuthResponses.error(request, err.error());
        }
        TokenResponse issued = ((OAuthResult.Ok<TokenResponse>) result).value();
        return OAuthResponses.noStore(HttpResponse.ok(new TokenJson(issued.accessToken(), "Bearer",
                issued.expiresIn(), issued.refreshToken(), issued.scopes().spaceDelimited())));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenJson(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken,
                     String scope) {
        @Override
        public String toString() {
            return Secret.redacted("TokenJson[scope=" + scope + "]");
        }
    }
}
