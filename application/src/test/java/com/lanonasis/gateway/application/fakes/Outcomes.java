package com.lanonasis.gateway.application.fakes;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Rejection;

/** Unwraps use-case outcomes in tests, failing loudly on the other kind. */
public final class Outcomes {

    private Outcomes() {
    }

    public static <T> T done(Outcome<T> outcome) {
        return outcome.fold(value -> value, rejection -> {
            throw new AssertionError("rejected: " + rejection);
        });
    }

    public static Rejection rejected(Outcome<?> outcome) {
        return outcome.fold(value -> {
            throw new AssertionError("not rejected: " + value);
        }, rejection -> rejection);
    }
}
