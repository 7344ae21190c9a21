package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface DeleteOwnAccountUseCase {

    /**
     * Deletes the caller's account with its memories, keys, grants and consents, as an
     * administrator's delete does. {@code Refused("confirmation_required")} unless the confirmation
     * reads {@code DELETE <email>}; {@code Refused("wrong_password")} for a wrong password;
     * {@code Conflict("admin_account")} for an administrator (another administrator must demote them first).
     */
    Outcome<AccountErased> delete(Principal caller, AccountDeletion deletion);
}
