package com.lanonasis.gateway.bootstrap.http;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Base of the HTTP tests: each test class talks to the real server started by {@code @MicronautTest}. */
abstract class HttpTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(client, json);
    }
}
