package com.lanonasis.gateway.bootstrap;

import static com.lanonasis.gateway.bootstrap.SettingRanges.atLeast;
import static com.lanonasis.gateway.bootstrap.SettingRanges.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The sign-in lock-out, {@code onasis.edge.login-lockout.*}, checked when bound.
 *
 * @param maxFailures        {@code ONASIS_LOGIN_MAX_FAILURES}: per (email, client address) (≥ 1)
 * @param maxAccountFailures {@code ONASIS_LOGIN_MAX_ACCOUNT_FAILURES}: per email from all addresses (≥ 1)
 * @param window             {@code ONASIS_LOGIN_LOCKOUT_WINDOW}: how long failures count (positive)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.edge.login-lockout")
public record LoginLockoutProperties(@Bindable(defaultValue = "10") int maxFailures,
                                     @Bindable(defaultValue = "100") int maxAccountFailures,
                                     @Bindable(defaultValue = "15m") Duration window) {

    public LoginLockoutProperties {
        atLeast(maxFailures, 1, "ONASIS_LOGIN_MAX_FAILURES", "onasis.edge.login-lockout.max-failures");
        atLeast(maxAccountFailures, 1, "ONASIS_LOGIN_MAX_ACCOUNT_FAILURES",
                "onasis.edge.login-lockout.max-account-failures");
        positive(window, "ONASIS_LOGIN_LOCKOUT_WINDOW", "onasis.edge.login-lockout.window", "15m");
    }
}
