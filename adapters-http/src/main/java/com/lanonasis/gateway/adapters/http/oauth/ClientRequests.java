package com.lanonasis.gateway.adapters.http.oauth;

import com.lanonasis.gateway.adapters.http.security.ClientCredentialsReader;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the token, device, revocation and introspection endpoints share: parse the parameters
 * (form or JSON, no repeats), read how the client authenticates, then do the endpoint's work.
 */
final class ClientRequests {

    private ClientRequests() {
    }

    static HttpResponse<?> handle(HttpRequest<?> request, String body, JsonMapper json,
                                  BiFunction<ClientAuthentication, Form, HttpResponse<?>> work) {
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
        return work.apply(client.get(), form);
    }
}
