package com.lanonasis.gateway.adapters.http.error;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.domain.shared.FieldError;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Rejection;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Map;

/** Maps a use case's rejection to the REST error it stands for. */
public final class Rejections {

    private Rejections() {
    }

    /** The outcome's value, or the rejection thrown as the matching {@link ApiException}. */
    public static <T> T valueOf(Outcome<T> outcome) {
        return outcome.fold(value -> value, rejection -> {
            throw toException(rejection);
        });
    }

    public static ApiException toException(Rejection rejection) {
        return rejection.match(AS_EXCEPTION);
    }

    private static final Rejection.Cases<ApiException> AS_EXCEPTION = new Rejection.Cases<>() {
        @Override
        public ApiException notFound(Rejection.NotFound notFound) {
            return new ApiException(HttpStatus.NOT_FOUND, "not_found", notFound.what() + " not found");
        }

        @Override
        public ApiException invalid(Rejection.Invalid invalid) {
            return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", summary(invalid.errors()),
                    invalid.errors().stream().map(e -> new ErrorBody.Detail(e.field(), e.message())).toList(),
                    Map.of());
        }

        @Override
        public ApiException conflict(Rejection.Conflict conflict) {
            return new ApiException(HttpStatus.CONFLICT, conflict.code(), conflict.message());
        }

        @Override
        public ApiException forbidden(Rejection.Forbidden forbidden) {
            return new ApiException(HttpStatus.FORBIDDEN, "insufficient_scope",
                    "this credential lacks the scope " + forbidden.required().value(), null,
                    Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                            + forbidden.required().value() + "\""));
        }

        @Override
        public ApiException refused(Rejection.Refused refused) {
            return new ApiException(HttpStatus.FORBIDDEN, refused.code(), refused.message());
        }

        @Override
        public ApiException rateLimited(Rejection.RateLimited limited) {
            return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "too many requests; retry later",
                    null, Map.of("Retry-After", String.valueOf(Math.max(1, limited.retryAfter().toSeconds()))));
        }

        @Override
        public ApiException invalidCredentials(Rejection.InvalidCredentials rejection) {
            return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "email or password is incorrect");
        }
    };

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).message() : "the request has " + errors.size() + " invalid fields";
    }
}
