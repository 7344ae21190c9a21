package com.lanonasis.gateway.domain.codes.port.out;

import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.util.Optional;

/** Outgoing port: pending device authorizations, found by either of their codes. */
public interface DeviceAuthorizations {

    void add(DeviceAuthorization authorization);

    Optional<DeviceAuthorization> byDeviceCode(SecretHash deviceCodeHash);

    Optional<DeviceAuthorization> byUserCode(String userCode);

    /** Stores the new state of an existing authorization. */
    void update(DeviceAuthorization authorization);

    /** Moves an APPROVED authorization to REDEEMED; true for exactly one caller. */
    boolean redeem(SecretHash deviceCodeHash);
}
