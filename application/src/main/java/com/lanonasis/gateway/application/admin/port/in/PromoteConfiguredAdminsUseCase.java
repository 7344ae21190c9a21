package com.lanonasis.gateway.application.admin.port.in;

/** At start-up: existing accounts whose e-mail is in ONASIS_ADMIN_EMAILS become administrators. */
public interface PromoteConfiguredAdminsUseCase {

    /** The number of accounts promoted now (already-admin accounts are left as they are). */
    int promoteConfiguredAdmins();
}
