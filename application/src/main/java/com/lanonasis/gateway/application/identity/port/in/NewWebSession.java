package com.lanonasis.gateway.application.identity.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Secret;
import java.time.Duration;

/** @param sessionId the cookie value; only its hash is stored */
public record NewWebSession(String sessionId, User user, Duration lifetime) {

    @Override
    public String toString() {
        return Secret.redacted("NewWebSession[user=" + user.id() + "]");
    }
}
