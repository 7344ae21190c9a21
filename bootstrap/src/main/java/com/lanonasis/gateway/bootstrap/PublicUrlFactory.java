package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;

/**
 * The service's public base URL and issuer identifier, read and checked once ({@code ONASIS_ISSUER}); every
 * adapter and use case that builds an absolute URL or an {@code iss} gets it from here. Built at start-up, so
 * a malformed value stops the start with one line.
 */
@Factory
final class PublicUrlFactory {

    @Context
    PublicUrl publicUrl(@Property(name = "onasis.issuer") String issuer) {
        return new PublicUrl(issuer);
    }
}
