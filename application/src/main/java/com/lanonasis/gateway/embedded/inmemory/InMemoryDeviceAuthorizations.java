package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.shared.SecretHash;
import java.time.Clock;
import java.util.Optional;

public final class InMemoryDeviceAuthorizations implements DeviceAuthorizations {

    private final ExpiringMap<SecretHash, DeviceAuthorization> byDeviceCode;
    private final ExpiringMap<String, SecretHash> byUserCode;

    public InMemoryDeviceAuthorizations(Clock clock) {
        this.byDeviceCode = new ExpiringMap<>(clock);
        this.byUserCode = new ExpiringMap<>(clock);
    }

    @Override
    public void add(DeviceAuthorization authorization) {
        // the user code ends at expiry; the device code stays a while longer, to be answered expired_token
        byDeviceCode.put(authorization.deviceCodeHash(), authorization, authorization.keptUntil());
        byUserCode.put(authorization.userCode(), authorization.deviceCodeHash(), authorization.expiresAt());
    }

    @Override
    public Optional<DeviceAuthorization> byDeviceCode(SecretHash deviceCodeHash) {
        return byDeviceCode.get(deviceCodeHash);
    }

    @Override
    public Optional<DeviceAuthorization> byUserCode(String userCode) {
        return byUserCode.get(userCode).flatMap(byDeviceCode::get);
    }

    @Override
    public void update(DeviceAuthorization authorization) {
        byDeviceCode.update(authorization.deviceCodeHash(), (hash, previous) -> authorization);
    }

    @Override
    public boolean redeem(SecretHash deviceCodeHash) {
        Optional<DeviceAuthorization> before = byDeviceCode.update(deviceCodeHash, (hash, device) ->
                device.status() == DeviceAuthorization.Status.APPROVED
                        ? new DeviceAuthorization(device.deviceCodeHash(), device.userCode(), device.clientId(),
                        device.scopes(), device.resources(), DeviceAuthorization.Status.REDEEMED, device.approvedBy(),
                        device.expiresAt(), device.interval(), device.lastPolledAt())
                        : null);
        return before.isPresent() && before.get().status() == DeviceAuthorization.Status.APPROVED;
    }
}
