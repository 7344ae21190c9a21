package com.lanonasis.gateway.domain.codes;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 8628 device authorization: the device polls with its device code while a user
 * approves the user code in a browser.
 *
 * @param approvedBy   null until a user approves
 * @param lastPolledAt null until the first poll
 */
public record DeviceAuthorization(SecretHash deviceCodeHash, String userCode, String clientId, Scopes scopes,
                                  List<String> resources, Status status, UserId approvedBy, Instant expiresAt,
                                  Duration interval, Instant lastPolledAt) {

    public enum Status { PENDING, APPROVED, DENIED, REDEEMED }

    /**
     * How long stores keep a device code after it expired, so that a device still polling is told
     * {@code expired_token} (RFC 8628 section 3.5) rather than that its code is unknown.
     */
    public static final Duration REPORTED_EXPIRED_FOR = Duration.ofMinutes(10);

    /** Until when a store keeps this authorization under its device code. */
    public Instant keptUntil() {
        return expiresAt.plus(REPORTED_EXPIRED_FOR);
    }

    public DeviceAuthorization {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(interval, "interval");
        resources = List.copyOf(resources);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * True when this poll comes sooner than the interval allows (then RFC 8628 §3.5 {@code
     * slow_down}). The interval is measured between arrivals, so a client that waits exactly
     * {@code interval} can arrive a little early after a slow answer; a fifth of the interval (at
     * most a second) is forgiven, so a compliant poller is never told to slow down.
     */
    public boolean tooSoon(Instant now) {
        if (lastPolledAt == null) {
            return false;
        }
        Duration grace = interval.dividedBy(5).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1)
                : interval.dividedBy(5);
        return now.isBefore(lastPolledAt.plus(interval).minus(grace));
    }

    public DeviceAuthorization polledAt(Instant now, Duration newInterval) {
        return new DeviceAuthorization(deviceCodeHash, userCode, clientId, scopes, resources, status, approvedBy,
                expiresAt, newInterval, now);
    }

    public DeviceAuthorization decided(boolean approved, UserId user) {
        return new DeviceAuthorization(deviceCodeHash, userCode, clientId, scopes, resources,
                approved ? Status.APPROVED : Status.DENIED, approved ? user : null, expiresAt, interval, lastPolledAt);
    }
}
