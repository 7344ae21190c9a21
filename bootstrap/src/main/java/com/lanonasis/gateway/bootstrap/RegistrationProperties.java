package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.domain.identity.RegistrationPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Who may register, {@code onasis.registration.*}, checked when bound.
 *
 * @param mode      {@code ONASIS_REGISTRATION}: open, closed or allowlist
 * @param allowlist {@code ONASIS_REGISTRATION_ALLOWLIST}: comma-separated addresses or *@domain patterns
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.registration")
public record RegistrationProperties(@Bindable(defaultValue = "open") String mode, @Nullable String allowlist) {

    public RegistrationProperties {
        mode = mode == null ? "open" : mode;
        allowlist = allowlist == null ? "" : allowlist;
        policy(mode, allowlist);
    }

    RegistrationPolicy policy() {
        return policy(mode, allowlist);
    }

    private static RegistrationPolicy policy(String mode, String allowlist) {
        try {
            return RegistrationPolicy.of(mode, allowlist);
        } catch (RuntimeException malformed) {
            String variable = malformed.getMessage() != null && malformed.getMessage().contains("*@domain")
                    ? "ONASIS_REGISTRATION_ALLOWLIST (onasis.registration.allowlist): "
                    : "ONASIS_REGISTRATION (onasis.registration.mode): ";
            throw new IllegalArgumentException(variable + malformed.getMessage(), malformed);
        }
    }
}
