package com.lanonasis.gateway.adapters.http.edge;

import com.lanonasis.gateway.adapters.http.shared.RequestIds;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Gives every request an id and echoes it on every response (errors included). On whatever thread
 * the request continues, {@link RequestIds#current()} finds it through the request Micronaut
 * propagates anyway; the logging setup copies it into each log line as {@code request_id}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    @RequestFilter
    void assign(HttpRequest<?> request) {
        RequestIds.assign(request);
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(RequestIds.HEADER, RequestIds.of(request));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
