package com.lanonasis.gateway.bootstrap.http;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A thin test client over the real server: sends JSON, never throws on error statuses, parses the answer. */
final class Api {

    private final HttpClient client;
    private final JsonMapper json;

    Api(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    Reply send(HttpMethod method, String path, Object body, String... headers) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, path);
        if (body != null) {
            request.body(body instanceof String raw ? raw : write(body));
            request.header(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<String>) e.getResponse();
            return new Reply(response.code(), response, e.getResponse().getBody(String.class).orElse(""), json);
        }
        return new Reply(response.code(), response, response.body() == null ? "" : response.body(), json);
    }

    Reply get(String path, String... headers) {
        return send(HttpMethod.GET, path, null, headers);
    }

    Reply post(String path, Object body, String... headers) {
        return send(HttpMethod.POST, path, body, headers);
    }

    Reply put(String path, Object body, String... headers) {
        return send(HttpMethod.PUT, path, body, headers);
    }

    Reply delete(String path, String... headers) {
        return send(HttpMethod.DELETE, path, null, headers);
    }

    /** Registers a fresh user and logs in (both with {@code headers}, e.g. X-Forwarded-For): the account. */
    Account newAccount(String... headers) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse " + UUID.randomUUID();
        Reply registered = post("/v1/auth/register", Map.of("email", email, "password", password), headers);
        if (registered.status() != 201) {
            throw new AssertionError("registration failed: " + registered);
        }
        Reply login = post("/v1/auth/login", Map.of("email", email, "password", password), headers);
        return new Account(registered.string("id"), email, password, login.string("access_token"));
    }

    /** Creates an API key for the account and returns the full key. */
    String apiKey(Account account, List<String> scopes) {
        Reply created = post("/api/v1/auth/api-keys", scopes == null ? Map.of("name", "test")
                : Map.of("name", "test", "scopes", scopes), account.bearer());
        if (created.status() != 201) {
            throw new AssertionError("key creation failed: " + created);
        }
        return created.string("key");
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Account(String id, String email, String password, String token) {

        String[] bearer() {
            return new String[] {"Authorization", "Bearer " + token};
        }
    }

    record Reply(int status, HttpResponse<?> response, String raw, JsonMapper json) {

        Map<String, Object> body() {
            try {
                return raw.isEmpty() ? Map.of() : json.readValue(raw, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw, e);
            }
        }

        String string(String field) {
            return (String) body().get(field);
        }

        String header(String name) {
            return response.getHeaders().get(name);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) body().get(field);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
