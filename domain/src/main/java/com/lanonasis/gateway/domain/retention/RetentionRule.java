package com.lanonasis.gateway.domain.retention;

import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import java.time.Duration;
import java.util.Objects;

/**
 * What to purge and when: records of {@code target} whose time is more than {@code keep} ago
 * (zero for expiring records such as tokens: purged once expired).
 */
public record RetentionRule(Purgeable target, Duration keep) {

    public RetentionRule {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative()) {
            throw new IllegalArgumentException(target.name() + ": retention must not be negative");
        }
    }
}
