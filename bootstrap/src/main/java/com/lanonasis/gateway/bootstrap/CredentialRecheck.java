package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.application.auth.LiveCredentials;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Re-checks the credentials of open SSE streams and WebSockets every {@code onasis.credentials.recheck-period}. */
@Singleton
final class CredentialRecheck {

    private final LiveCredentials live;

    CredentialRecheck(LiveCredentials live) {
        this.live = live;
    }

    @Scheduled(fixedDelay = "${onasis.credentials.recheck-period:5s}", initialDelay = "${onasis.credentials.recheck-period:5s}")
    void recheck() {
        live.recheck();
    }
}
