package com.lanonasis.gateway.adapters.http.edge;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of a request: the caller's {@code X-Request-ID} when well formed, otherwise a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    static final String ATTRIBUTE = "onasis.request-id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {
    }

    /** The id of the request this thread is working for, if any. */
    public static Optional<String> current() {
        return ServerRequestContext.currentRequest().flatMap(request -> request.getAttribute(ATTRIBUTE, String.class));
    }

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> assign(request));
    }

    static String assign(HttpRequest<?> request) {
        String inbound = request.getHeaders().get(HEADER);
        String id = inbound != null && WELL_FORMED.matcher(inbound).matches() ? inbound : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
