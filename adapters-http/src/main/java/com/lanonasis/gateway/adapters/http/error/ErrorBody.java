package com.lanonasis.gateway.adapters.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The one error shape of the REST surface.
 *
 * @param error     a stable, machine-readable code
 * @param message   for people; never carries secrets or internals
 * @param details   per-field problems, when there are any
 * @param requestId the id to quote when asking about this request
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, @Nullable List<Detail> details,
                        @Nullable @JsonProperty("request_id") String requestId) {

    @Serdeable
    public record Detail(String field, String message) {
    }
}
