package com.lanonasis.gateway.adapters.http.error;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.http.shared.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, ApiException exception) {
        MutableHttpResponse<ErrorBody> response = HttpResponse.<ErrorBody>status(exception.status())
                .body(new ErrorBody(exception.code(), exception.getMessage(), exception.details(),
                        RequestIds.of(request)));
        exception.headers().forEach(response::header);
        return response;
    }
}
