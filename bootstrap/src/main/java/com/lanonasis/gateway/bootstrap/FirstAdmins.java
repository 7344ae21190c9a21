package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.application.admin.port.in.PromoteConfiguredAdminsUseCase;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up, existing accounts named in ONASIS_ADMIN_EMAILS become administrators (audited). */
@Singleton
final class FirstAdmins implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmins.class);

    private final PromoteConfiguredAdminsUseCase promote;

    FirstAdmins(PromoteConfiguredAdminsUseCase promote) {
        this.promote = promote;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        int promoted = promote.promoteConfiguredAdmins();
        if (promoted > 0) {
            LOG.info("{} account(s) named in ONASIS_ADMIN_EMAILS made administrators", promoted);
        }
    }
}
