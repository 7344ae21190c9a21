package com.lanonasis.gateway.adapters.http.shared;

import io.micronaut.http.HttpRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed request attribute: one name and one type, so a writer and a reader in different classes (or
 * adapters) cannot disagree on either.
 *
 * @param name the attribute's name on the request
 * @param type what it holds
 */
public record RequestAttribute<T>(String name, Class<T> type) {

    public RequestAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public Optional<T> get(HttpRequest<?> request) {
        return request.getAttribute(name, type);
    }

    public void set(HttpRequest<?> request, T value) {
        request.setAttribute(name, value);
    }
}
