package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

/** @param from the client address (failed checks of the current password count towards its lock-out) */
public record PasswordChange(String currentPassword, String newPassword, String from) {

    @Override
    public String toString() {
        return Secret.redacted("PasswordChange[from=" + from + "]");
    }
}
