package com.lanonasis.gateway.adapters.http.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of a request: the caller's {@code X-Request-ID} when well formed, otherwise a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {
    }

    /** The id of the request this thread is working for, if any. */
    public static Optional<String> current() {
        return ServerRequestContext.currentRequest().flatMap(RequestAttributes.REQUEST_ID::get);
    }

    /** The request's id, assigned now if the edge filter has not yet done so. */
    public static String of(HttpRequest<?> request) {
        return RequestAttributes.REQUEST_ID.get(request).orElseGet(() -> assign(request));
    }

    /** Gives the request its id: the inbound one when well formed, otherwise a random UUID. */
    public static String assign(HttpRequest<?> request) {
        String inbound = request.getHeaders().get(HEADER);
        String id = inbound != null && WELL_FORMED.matcher(inbound).matches() ? inbound : UUID.randomUUID().toString();
        RequestAttributes.REQUEST_ID.set(request, id);
        return id;
    }
}
