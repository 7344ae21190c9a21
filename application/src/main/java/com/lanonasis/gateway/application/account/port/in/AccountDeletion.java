package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.shared.Secret;

/**
 * @param confirmation must read {@code DELETE <the account's e-mail>}
 * @param from         the client address (failed password checks count towards its lock-out)
 */
public record AccountDeletion(String confirmation, String password, String from) {

    @Override
    public String toString() {
        return Secret.redacted("AccountDeletion[from=" + from + "]");
    }
}
