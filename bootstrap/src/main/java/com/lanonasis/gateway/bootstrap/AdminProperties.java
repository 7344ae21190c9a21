package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.domain.identity.AdminEmails;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * The administrators, {@code onasis.admin.*}, checked when bound.
 *
 * @param emails {@code ONASIS_ADMIN_EMAILS}: comma-separated exact addresses (empty: none)
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.admin")
public record AdminProperties(@Nullable String emails) {

    public AdminProperties {
        emails = emails == null ? "" : emails;
        admins(emails);
    }

    AdminEmails admins() {
        return admins(emails);
    }

    private static AdminEmails admins(String emails) {
        try {
            return AdminEmails.of(emails);
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("ONASIS_ADMIN_EMAILS (onasis.admin.emails): " + malformed.getMessage(),
                    malformed);
        }
    }
}
