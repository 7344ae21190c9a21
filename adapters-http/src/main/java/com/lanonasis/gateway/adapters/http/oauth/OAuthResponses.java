package com.lanonasis.gateway.adapters.http.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.security.ClientCredentialsReader;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/** RFC 6749 §5.2 error responses, and the no-store headers every token response needs. */
final class OAuthResponses {

    private OAuthResponses() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorJson(String error, @JsonProperty("error_description") String errorDescription) {
    }

    static MutableHttpResponse<?> error(HttpRequest<?> request, OAuthError error) {
        boolean client = error.error().equals("invalid_client");
        MutableHttpResponse<?> response = HttpResponse.status(client ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST)
                .body(new ErrorJson(error.error(), error.description()));
        if (client) {
            response.header("WWW-Authenticate", ClientCredentialsReader.usedBasic(request)
                    ? "Basic realm=\"onasis-gateway\"" : "Bearer realm=\"onasis-gateway\"");
        }
        return noStore(response);
    }

    static MutableHttpResponse<?> malformedBody(HttpRequest<?> request) {
        return error(request, OAuthError.invalidRequest(
                "send the parameters as application/x-www-form-urlencoded or a JSON object"));
    }

    static <T extends MutableHttpResponse<?>> T noStore(T response) {
        response.header("Cache-Control", "no-store");
        response.header("Pragma", "no-cache");
        return response;
    }
}
