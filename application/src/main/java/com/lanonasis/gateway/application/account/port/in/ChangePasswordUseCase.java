package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface ChangePasswordUseCase {

    /**
     * Replaces the password after checking the current one ({@code Refused("wrong_password")},
     * or {@code RateLimited} while the address is locked out). Every other browser session of the
     * account ends and every OAuth grant (refresh family and its access tokens) is revoked.
     */
    Outcome<PasswordChanged> change(Principal caller, PasswordChange change);

    record PasswordChanged(int sessionsEnded, int grantsRevoked) {
    }
}
