package com.lanonasis.gateway.adapters.http.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.security.ClientCredentialsReader;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.IssueTokenUseCase;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
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
import java.util.Optional;

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
        Optional<Form> parsed = Form.parse(request, body, json);
        if (parsed.isEmpty()) {
            return OAuthResponses.malformedBody(request);
        }
        Form form = parsed.get();
        Optional<String> repeated = form.repeatedParameter();
        if (repeated.isPresent()) {
            return OAuthResponses.error(request, OAuthError.invalidRequest(repeated.get() + " is repeated"));
        }
        Optional<ClientAuthentication> client = ClientCredentialsReader.read(request, form.get("client_id"),
                form.get("client_secret"));
        if (client.isEmpty()) {
            return OAuthResponses.error(request, OAuthError.invalidClient());
        }
        OAuthResult<TokenResponse> result = tokens.issue(client.get(), new TokenRequest(form.get("grant_type"),
                form.get("code"), form.get("redirect_uri"), form.get("code_verifier"), form.get("refresh_token"),
                form.get("scope"), form.all("resource"), form.get("device_code")));
        return answer(request, result);
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
