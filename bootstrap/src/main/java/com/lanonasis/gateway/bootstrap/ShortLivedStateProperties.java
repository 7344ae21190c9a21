package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Where short-lived state lives and how long memory events are kept ({@code onasis.ephemeral},
 * {@code onasis.events.retention}), bound at start-up and checked when bound.
 *
 * @param ephemeral {@code ONASIS_EPHEMERAL}: {@code memory} (this process) or {@code redis} (shared); exactly
 *                  these, as {@code ShortLivedStateFactory}'s {@code @Requires} compare them
 * @param events    {@code onasis.events.*}
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis")
record ShortLivedStateProperties(@Bindable(defaultValue = "memory") String ephemeral, Events events) {

    ShortLivedStateProperties {
        if (!"memory".equals(ephemeral) && !"redis".equals(ephemeral)) {
            throw new IllegalArgumentException("ONASIS_EPHEMERAL (onasis.ephemeral) must be memory or redis, not "
                    + ephemeral);
        }
        events = events == null ? new Events(Duration.ofMinutes(15)) : events;
    }

    /**
     * @param retention {@code ONASIS_EVENTS_RETENTION}: memory events kept this long for Last-Event-ID (positive)
     */
    @ConfigurationProperties("events")
    record Events(@Bindable(defaultValue = "15m") Duration retention) {

        Events {
            if (retention == null || retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("ONASIS_EVENTS_RETENTION (onasis.events.retention) must be a"
                        + " positive duration such as 15m, not " + retention);
            }
        }
    }
}
