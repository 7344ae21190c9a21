package com.lanonasis.gateway.bootstrap;

import java.time.Duration;

/** The checks the settings records share; each message starts with the environment variable, then the key. */
final class SettingRanges {

    private SettingRanges() {
    }

    static Duration positive(Duration value, String variable, String key, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(variable + " (" + key + ") must be a positive duration such as "
                    + example + ", not " + value);
        }
        return value;
    }

    static Duration notNegative(Duration value, String variable, String key, String example) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(variable + " (" + key + ") must be a duration of zero or more such as "
                    + example + ", not " + value);
        }
        return value;
    }

    static long atLeast(long value, long minimum, String variable, String key) {
        if (value < minimum) {
            throw new IllegalArgumentException(variable + " (" + key + ") must be at least " + minimum + ", not "
                    + value);
        }
        return value;
    }
}
