package com.lanonasis.gateway.adapters.http.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * The one error shape of the service's own JSON answers, REST and MCP alike (OAuth endpoints answer
 * RFC 6749's shape instead, JSON-RPC its own).
 *
 * @param error     a stable, machine-readable code
 * @param message   for people; never carries secrets or internals
 * @param details   per-field problems, when there are any (absent otherwise)
 * @param requestId the id to quote when asking about this request; always present
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, @Nullable List<Detail> details,
                        @JsonProperty("request_id") String requestId) {

    public ErrorBody {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
        details = details == null ? null : List.copyOf(details);
    }

    /** The body for this request, its request id included. */
    public static ErrorBody of(HttpRequest<?> request, String error, String message) {
        return new ErrorBody(error, message, null, RequestIds.of(request));
    }

    /** The answer: {@code status}, JSON, this body. */
    public static MutableHttpResponse<ErrorBody> response(HttpRequest<?> request, HttpStatus status, String error,
                                                          String message) {
        return HttpResponse.<ErrorBody>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(of(request, error, message));
    }

    @Serdeable
    public record Detail(String field, String message) {
    }
}
