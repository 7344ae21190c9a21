package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.notNegative;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * API keys, {@code onasis.api-keys.*}, checked when bound.
 *
 * @param rotationGrace {@code ONASIS_API_KEY_ROTATION_GRACE}: a rotated key's previous secret keeps working
 *                      this long (zero: not at all; never negative)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.api-keys")
public record ApiKeyProperties(@Bindable(defaultValue = "24h") Duration rotationGrace) {

    public ApiKeyProperties {
        notNegative(rotationGrace, "ONASIS_API_KEY_ROTATION_GRACE", "onasis.api-keys.rotation-grace", "24h");
    }
}
