package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The login tokens of /v1/auth/login, {@code onasis.tokens.*}, checked when bound.
 *
 * @param userTokenLifetime {@code ONASIS_USER_TOKEN_LIFETIME} (positive)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.tokens")
public record TokenProperties(@Bindable(defaultValue = "30m") Duration userTokenLifetime) {

    public TokenProperties {
        positive(userTokenLifetime, "ONASIS_USER_TOKEN_LIFETIME", "onasis.tokens.user-token-lifetime", "30m");
    }
}
