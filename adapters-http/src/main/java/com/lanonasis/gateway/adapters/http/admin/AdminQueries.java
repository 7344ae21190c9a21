package com.lanonasis.gateway.adapters.http.admin;

import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import io.micronaut.http.HttpStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Query parameters read by hand, so a bad one is a 400 {@code validation_failed} naming it, never a 500. */
final class AdminQueries {

    static final int DEFAULT_LIMIT = 50;

    private AdminQueries() {
    }

    /** Admin answers name people and their grants: never cached. */
    static <T> io.micronaut.http.HttpResponse<T> noStore(T body) {
        return io.micronaut.http.HttpResponse.ok(body).header("Cache-Control", "no-store");
    }

    static int integer(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, field + " must be a whole number");
        }
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    static AuditEvent.Type type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditEvent.Type.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("type", "type must be one of the documented audit event types");
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static AuditQuery audit(String user, String client, String type, String from, String to, String page,
                            String limit) {
        AuditEvent.Type parsedType = type(type);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        int pageNumber = integer("page", page, 1);
        int size = integer("limit", limit, DEFAULT_LIMIT);
        return valid(() -> new AuditQuery(text(user), text(client), parsedType, start, end, pageNumber, size));
    }

    /** Builds a value that validates itself; its complaint becomes a 400 naming the field. */
    static <T> T valid(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidValue e) {
            throw invalid(e.field(), e.getMessage());
        }
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", message,
                List.of(new ErrorBody.Detail(field, message)), java.util.Map.of());
    }
}
