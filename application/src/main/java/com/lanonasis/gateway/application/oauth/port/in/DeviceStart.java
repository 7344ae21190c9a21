package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

public record DeviceStart(String deviceCode, String userCode, long expiresIn, long interval) {

    @Override
    public String toString() {
        return Secret.redacted("DeviceStart[userCode=" + userCode + "]");
    }
}
