package com.lanonasis.gateway.adapters.http.error;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.http.shared.RequestIds;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every error the framework produces (unknown route, wrong method, unreadable JSON,
 * oversized body, unhandled failure) in the same shape as ours, with a stable code and a
 * message that never repeats internals.
 */
@Primary
@Singleton
final class JsonErrorResponses implements ErrorResponseProcessor<ErrorBody> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorResponses.class);
    /** The name every controller gives its {@code @Body} parameter. */
    private static final String BODY = "body";

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        String requestId = RequestIds.of(context.getRequest());
        HeadTooLarge head = HeadTooLarge.of(context.getRequest());
        if (head != null) {
            return response.status(head.status).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody(head.code, head.message, null, requestId));
        }
        HttpStatus status = response.getStatus();
        ErrorBody body = switch (status) {
            case BAD_REQUEST -> badRequest(context, requestId);
            case UNAUTHORIZED -> new ErrorBody("unauthorized", "authentication is required", null, requestId);
            case FORBIDDEN -> new ErrorBody("forbidden", "not allowed", null, requestId);
            case NOT_FOUND -> new ErrorBody("not_found", "no such resource: " + context.getRequest().getMethod()
                    + " " + context.getRequest().getPath(), null, requestId);
            case METHOD_NOT_ALLOWED -> new ErrorBody("method_not_allowed",
                    context.getRequest().getMethod() + " is not allowed here", null, requestId);
            case NOT_ACCEPTABLE -> new ErrorBody("not_acceptable", "this resource answers in JSON", null, requestId);
            case REQUEST_ENTITY_TOO_LARGE -> new ErrorBody("payload_too_large",
                    "the request body exceeds the configured limit", null, requestId);
            case UNSUPPORTED_MEDIA_TYPE -> new ErrorBody("unsupported_media_type",
                    "send the body as application/json", null, requestId);
            default -> {
                if (status.getCode() >= 500) {
                    LOG.error("request {} failed: {}", requestId,
                            context.getRootCause().map(Throwable::toString).orElse(status.toString()),
                            context.getRootCause().orElse(null));
                    yield new ErrorBody("internal_error", "something went wrong on our side; quote the request id",
                            null, requestId);
                }
                yield new ErrorBody(status.name().toLowerCase(), status.getReason(), null, requestId);
            }
        };
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /**
     * A request line or header block longer than the server accepts. Netty refuses it before routing and
     * Micronaut reports it as 413, which would tell the client its body was too large (RFC 9110 §15.5.15,
     * RFC 6585 §5).
     */
    private enum HeadTooLarge {
        URI(HttpStatus.REQUEST_URI_TOO_LONG, "uri_too_long", "the request line (method and URL) is too long"),
        HEADERS(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header_too_large", "the request headers are too large");

        private final HttpStatus status;
        private final String code;
        private final String message;

        HeadTooLarge(HttpStatus status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        static HeadTooLarge of(HttpRequest<?> request) {
            if (!(request instanceof NettyHttpRequest<?> netty)) {
                return null;
            }
            Throwable cause = netty.getNativeRequest().decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return URI;
            }
            return cause instanceof TooLongHttpHeaderException ? HEADERS : null;
        }
    }

    private static ErrorBody badRequest(ErrorContext context, String requestId) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConversionErrorException conversion) {
            String name = conversion.getArgument().getName();
            if (BODY.equals(name)) {
                return malformedJson(requestId);
            }
            return new ErrorBody("validation_failed", "parameter " + name + " has the wrong type",
                    List.of(new ErrorBody.Detail(name, "has the wrong type")), requestId);
        }
        if (isJsonProblem(cause)) {
            return malformedJson(requestId);
        }
        if (!context.getErrors().isEmpty() && context.getErrors().get(0).getMessage().startsWith("Required Body")) {
            return new ErrorBody("missing_body", "this request needs a JSON object as its body", null, requestId);
        }
        return new ErrorBody("bad_request", context.getErrors().isEmpty() ? "the request is malformed"
                : "the request is malformed: " + firstError(context), null, requestId);
    }

    private static ErrorBody malformedJson(String requestId) {
        return new ErrorBody("malformed_json", "the request body is not a JSON object of the expected shape", null,
                requestId);
    }

    private static boolean isJsonProblem(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("com.fasterxml.jackson") || name.startsWith("io.micronaut.serde")
                    || name.startsWith("io.micronaut.json")) {
                return true;
            }
        }
        return false;
    }

    /** Framework messages about missing arguments are safe; anything long or nested is cut. */
    private static String firstError(ErrorContext context) {
        String message = context.getErrors().get(0).getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
