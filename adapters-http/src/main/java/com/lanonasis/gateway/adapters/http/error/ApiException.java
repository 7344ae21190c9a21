package com.lanonasis.gateway.adapters.http.error;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * Ends a request with a precise error from anywhere in the HTTP adapters: thrown, then written
 * in the common shape by {@link ApiExceptionHandler}. Carries no secrets by construction: the
 * code and message are chosen by our code, never copied from input.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<ErrorBody.Detail> details;
    private final Map<String, String> headers;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null, Map.of());
    }

    public ApiException(HttpStatus status, String code, String message, List<ErrorBody.Detail> details,
                        Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ErrorBody.Detail> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
