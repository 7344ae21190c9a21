package com.lanonasis.gateway.application.oauth.port.in;

/** The answer of an OAuth endpoint: a value, or an RFC 6749 error. */
public sealed interface OAuthResult<T> {

    record Ok<T>(T value) implements OAuthResult<T> {
    }

    record Err<T>(OAuthError error) implements OAuthResult<T> {
    }

    static <T> OAuthResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> OAuthResult<T> err(OAuthError error) {
        return new Err<>(error);
    }
}
