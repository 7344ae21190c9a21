package com.lanonasis.gateway.adapters.http.error;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.http.shared.RequestIds;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A store outage is answered at once with 503 and a retry hint, never a 500 or a hang. */
@Singleton
final class StoreUnavailableHandler implements ExceptionHandler<StoreUnavailable, HttpResponse<ErrorBody>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableHandler.class);

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, StoreUnavailable exception) {
        String requestId = RequestIds.of(request);
        LOG.warn("request {}: {}", requestId, exception.getMessage());
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(new ErrorBody("service_unavailable", "a backing store is unavailable; retry shortly", null,
                        requestId));
    }
}
