package com.lanonasis.gateway.bootstrap;

import java.time.Duration;

/** The range checks of the configuration records: each failure is one line starting with the ONASIS_ variable. */
final class SettingChecks {

    private SettingChecks() {
    }

    static void positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration such as 30s, not " + value);
        }
    }

    static void notNegative(String setting, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be a duration of 0s or more, not " + value);
        }
    }

    static void atLeast(String setting, int minimum, int value) {
        if (value < minimum) {
            throw new IllegalArgumentException(setting + " must be at least " + minimum + ", not " + value);
        }
    }
}
